using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CommunityBot.CheckIns;
using CommunityBot.People;
using CommunityBot.Storage;
using Microsoft.Extensions.Options;

namespace CommunityBot.Privacy;

/// <summary>Whose data a valid link opens.</summary>
public sealed record ExportGrant(string TenantId, long PersonId);

/// <summary>
/// The download link of "export my data": <c>/privacy/export/{token}</c>, where the token names tenant, person and
/// expiry, signed with HMAC-SHA256 under a key derived from the secret outside the database (so every instance checks
/// it alike and a database dump cannot forge one). Valid 15 minutes and once: the first download claims it.
/// </summary>
public sealed class ExportLinks(IOptions<CheckInsOptions> secrets, AppDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan ValidFor = TimeSpan.FromMinutes(15);

    public const string Path = "/privacy/export";

    public string TokenFor(Person person)
    {
        var expires = (clock.GetUtcNow() + ValidFor).ToUnixTimeMilliseconds();
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var payload = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
            string.Create(CultureInfo.InvariantCulture, $"{person.TenantId}|{person.Id}|{expires}|{nonce}")));
        return $"{payload}.{Base64Url.EncodeToString(Sign(payload))}";
    }

    /// <summary>The grant of a well-signed, unexpired token used for the first time; null for anything else, alike.</summary>
    public async Task<ExportGrant?> RedeemAsync(string token, CancellationToken ct)
    {
        var parts = token.Split('.');
        if (parts.Length != 2 || !Base64Url.IsValid(parts[1]) || !CryptographicOperations.FixedTimeEquals(Sign(parts[0]), Base64Url.DecodeFromChars(parts[1]))
            || !Base64Url.IsValid(parts[0]))
        {
            return null;
        }
        var fields = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[0])).Split('|');
        if (fields.Length != 4 || !long.TryParse(fields[1], CultureInfo.InvariantCulture, out var personId)
            || !long.TryParse(fields[2], CultureInfo.InvariantCulture, out var expires) || clock.GetUtcNow().ToUnixTimeMilliseconds() >= expires)
        {
            return null;
        }
        // Once: the claim table of incoming activities holds the token's hash until retention removes it (long after expiry).
        var claim = new ProcessedActivity { Key = "export:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token))), ReceivedAt = clock.GetUtcNow() };
        return await db.InsertOrIgnoreAsync(claim, ct) ? new ExportGrant(fields[0], personId) : null;
    }

    private byte[] Sign(string payload)
    {
        var key = HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secrets.Value.PseudonymSecret!), 32,
            info: Encoding.UTF8.GetBytes("communitybot:privacy-export-link:v1"));
        return HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(payload));
    }
}
