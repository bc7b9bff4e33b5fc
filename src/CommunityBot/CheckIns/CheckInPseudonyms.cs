using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace CommunityBot.CheckIns;

/// <summary>
/// The one place a member becomes a pseudonym: HMAC-SHA256 of member and community under the configured secret. The
/// community is part of the input, so the same teacher has unrelated keys in two communities and answers cannot be
/// followed across groups.
/// </summary>
public sealed class CheckInPseudonyms(IOptions<CheckInsOptions> options)
{
    public const int KeyLength = 64;

    public int KeyVersion => options.Value.PseudonymKeyVersion;

    public string For(long communityId, long personId)
    {
        var secret = Encoding.UTF8.GetBytes(options.Value.PseudonymSecret!);
        var message = Encoding.UTF8.GetBytes($"check-in:community:{communityId}:member:{personId}");
        return Convert.ToHexStringLower(HMACSHA256.HashData(secret, message));
    }
}
