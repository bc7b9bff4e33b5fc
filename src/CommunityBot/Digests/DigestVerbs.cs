namespace CommunityBot.Digests;

public static class DigestVerbs
{
    /// <summary>"Meer details" under a community of the weekly digest.</summary>
    public const string Detail = "digest.detail";
}

/// <summary>Which community of which week's digest; the handler recomputes that digest and checks the community is in it.</summary>
public sealed record DigestDetailData(long CommunityId, DateOnly Monday)
{
    /// <summary>Set under <c>digest nu</c>'s seven days up to this moment, so the detail counts the same days.</summary>
    public DateTimeOffset? Until { get; init; }
}
