using CommunityBot.Limits;
namespace CommunityBot.Agreements;

/// <summary>An agreement as the coach entered it, before any check.</summary>
public sealed record AgreementDraft
{
    public required long CommunityId { get; init; }
    public long? MadeAtSessionId { get; init; }
    public AgreementKind Kind { get; init; }
    public required string Text { get; init; }
    public bool WholeGroup { get; init; }
    public IReadOnlyList<long> OwnerIds { get; init; } = [];
    public bool WholeGroupDepends { get; init; }
    public IReadOnlyList<long> DependantIds { get; init; } = [];

    /// <summary>Null: the next planned session (or, if none yet, the one that will be planned).</summary>
    public long? DueSessionId { get; init; }
}

public enum RecordOutcome
{
    Recorded,
    NotAllowed,
    TextMissing,

    /// <summary>Longer than <see cref="TextLimits.AgreementText"/> (only a forged card or a long typed text): nothing stored.</summary>
    TextTooLong,
    OwnersMissing,
    UnknownPeopleOrSession,
}

/// <summary><paramref name="SummaryPosted"/> is false when the community has no linked channel to post the summary in.</summary>
public sealed record RecordResult(RecordOutcome Outcome, long? AgreementId = null, bool SummaryPosted = false);

public enum AnswerOutcome
{
    Changed,
    Unchanged,
    NotFound,
    NotAllowed,
    Closed,

    /// <summary>A coach who is no owner asked help or gave up for someone: only an owner gives that answer.</summary>
    NotAnOwner,
}

public sealed record AnswerResult(AnswerOutcome Outcome, AgreementView? Agreement = null)
{
    /// <summary>The history row of an owner's own answer that changed something: the one its undo button names.</summary>
    public long? ChangeId { get; init; }
}
