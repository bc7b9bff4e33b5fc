using CommunityBot.Limits;
namespace CommunityBot.Agreements;

/// <summary>What the coach entered on the edit card, before any check.</summary>
public sealed record AgreementEdit
{
    public required string Text { get; init; }
    public bool WholeGroup { get; init; }
    public IReadOnlyList<long> OwnerIds { get; init; } = [];
    public bool WholeGroupDepends { get; init; }
    public IReadOnlyList<long> DependantIds { get; init; } = [];

    /// <summary>Null: the next planned session (or, if none yet, the one that will be planned).</summary>
    public long? DueSessionId { get; init; }
}

public enum EditOutcome
{
    Changed,
    Unchanged,
    NotFound,
    NotAllowed,

    /// <summary>Done or dropped: the loop is already closed.</summary>
    Closed,
    TextMissing,

    /// <summary>Longer than <see cref="TextLimits.AgreementText"/>: nothing changed.</summary>
    TextTooLong,
    OwnersMissing,
    UnknownPeopleOrSession,
}

/// <param name="CommunityId">The agreement's community, for redrawing the card it was changed on.</param>
/// <param name="WaitsForSession">Carried over while no next session is planned: it follows the next one planned.</param>
public sealed record EditResult(EditOutcome Outcome, long CommunityId = 0, bool WaitsForSession = false);
