namespace CommunityBot.Communities.Cadence;

/// <summary>
/// What the cadence card sends back: the community id (a hint, re-checked) and the inputs, as text. <see cref="Save"/>
/// is set by the card's own button; without it the verb only opens the card.
/// </summary>
public sealed record CadenceForm
{
    public long? CommunityId { get; init; }
    public bool Save { get; init; }
    public string? Kind { get; init; }
    public string? Weeks { get; init; }
    public string? PerYear { get; init; }

    /// <summary>Minutes.</summary>
    public string? Duration { get; init; }
}
