using CommunityBot.Teams.Schema;

namespace CommunityBot.People;

/// <summary>What identifies someone, as far as Teams or an import tells: any part may be missing.</summary>
public sealed record PersonKeys(string? AadObjectId, string? Email, string? TeamsUserId)
{
    /// <summary>An account as Teams shows it: rosters and member lookups carry the e-mail/UPN, activities only the ids.</summary>
    public static PersonKeys Of(ChannelAccount account) => new(account.AadObjectId, EmailOf(account), account.Id);

    /// <summary>How an import names a person: an Entra object id (a GUID) or an e-mail/UPN.</summary>
    public static PersonKeys OfImportKey(string key) =>
        Guid.TryParse(key, out _) ? new(key, null, null) : new(null, NormalizeEmail(key), null);

    public static string? EmailOf(ChannelAccount account) => NormalizeEmail(account.Email ?? account.UserPrincipalName);

    /// <summary>E-mail addresses and UPNs are stored lower case, so that imports and rosters meet.</summary>
    public static string? NormalizeEmail(string? email) => email?.Trim().ToLowerInvariant() is { Length: > 0 } normal ? normal : null;
}
