namespace CommunityBot.Communities.Import;

/// <summary>How an import quotes and checks the values of a file.</summary>
public static class ImportText
{
    public const int ExcerptLength = 40;

    /// <summary>
    /// A value as an error may quote it: at most 40 characters (a path 80) and "…", control characters as "�", so an answer never
    /// carries a file's megabytes or its hidden characters back.
    /// </summary>
    public static string Excerpt(string? value, int length = ExcerptLength)
    {
        if (value is null)
        {
            return "";
        }
        var cut = value.Length <= length ? value : value[..(char.IsHighSurrogate(value[length - 1]) ? length - 1 : length)];
        return string.Create(cut.Length, cut, (span, text) =>
        {
            for (var i = 0; i < text.Length; i++)
            {
                span[i] = char.IsControl(text[i]) ? '\uFFFD' : text[i];
            }
        }) + (cut.Length < value.Length ? "…" : "");
    }

    /// <summary>
    /// True when a value holds a control character (NUL and the like, which PostgreSQL cannot store or a card shows as
    /// garbage); a multi-line field (goals, theme) may hold line breaks and tabs.
    /// </summary>
    public static bool HasControl(string? value, bool multiLine = false)
    {
        if (value is null)
        {
            return false;
        }
        foreach (var c in value)
        {
            if (char.IsControl(c) && !(multiLine && c is '\n' or '\r' or '\t'))
            {
                return true;
            }
        }
        return false;
    }
}
