namespace CommunityBot.Teams.Schema;

/// <summary>
/// The longest ids and names the bot stores, one set of numbers for the inbound checks and the database columns, so that
/// an activity that passes the checks always fits.
/// </summary>
public static class MaxLengths
{
    public const int TenantId = 64;

    /// <summary>A Teams user or bot id (<c>29:…</c>, <c>28:…</c>).</summary>
    public const int UserId = 256;

    public const int AadObjectId = 64;

    /// <summary>Conversation, team and channel ids.</summary>
    public const int ConversationId = 512;

    public const int ServiceUrl = 512;

    public const int DisplayName = 256;

    /// <summary>
    /// The first <paramref name="length"/> characters of <paramref name="text"/>, never splitting a surrogate pair: a
    /// name is shortened rather than refused, as Teams lets people and teams choose long ones.
    /// </summary>
    public static string? Cut(string? text, int length)
    {
        if (text is null || text.Length <= length)
        {
            return text;
        }
        return char.IsHighSurrogate(text[length - 1]) ? text[..(length - 1)] : text[..length];
    }
}
