using System.Globalization;
using System.Text.Json.Serialization;

namespace CommunityBot.Digests;

public static class DigestVerbs
{
    /// <summary>"Meer details" under a community of the weekly digest, or "Meer details over…" with a chosen community.</summary>
    public const string Detail = "digest.detail";
}

/// <summary>
/// Which community of which week's digest: <see cref="CommunityId"/> from a community's own button, or the value of
/// the card's choice (<see cref="PickerId"/>) when one button serves many communities. Either is only a question: the
/// handler recomputes that digest and checks the community is in it.
/// </summary>
public sealed record DigestDetailData(DateOnly Monday, long? CommunityId = null)
{
    /// <summary>The id of the "Meer details over…" choice; its value comes back as a string in the action data.</summary>
    public const string PickerId = "detailCommunity";

    [JsonPropertyName(PickerId)]
    public string? Picked { get; init; }

    /// <summary>Set under <c>digest nu</c>'s seven days up to this moment, so the detail counts the same days.</summary>
    public DateTimeOffset? Until { get; init; }

    /// <summary>The community asked for; null when neither form holds a plain number.</summary>
    public long? Community() =>
        CommunityId ?? (long.TryParse(Picked, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null);
}
