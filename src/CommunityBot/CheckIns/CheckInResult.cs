namespace CommunityBot.CheckIns;

/// <summary>Who asks for a result: coaches may read comments, leaders never.</summary>
public enum CheckInAudience
{
    Coach,
    Leader,
}

/// <summary>What <see cref="CheckInAggregator"/> releases about one round. The subtypes are the only shapes that leave it.</summary>
public abstract record CheckInResult(long CheckInId, DateTimeOffset OpensAt, DateTimeOffset ClosesAt);

/// <summary>Fewer than k members answered: this and nothing else, not even how many did.</summary>
public sealed record NotEnoughAnswers(long CheckInId, DateTimeOffset OpensAt, DateTimeOffset ClosesAt) : CheckInResult(CheckInId, OpensAt, ClosesAt);

/// <summary>
/// The round is still open: nothing is released before it closes, since results that change with each new answer would
/// show the coach what the latest person said.
/// </summary>
/// <summary>
/// The round asks an instrument version this build does not ship (a rollback after a new version went out): nothing can
/// be computed, and the digest says so instead of failing.
/// </summary>
public sealed record NotAvailable(long CheckInId, DateTimeOffset OpensAt, DateTimeOffset ClosesAt) : CheckInResult(CheckInId, OpensAt, ClosesAt);

public sealed record StillOpen(long CheckInId, DateTimeOffset OpensAt, DateTimeOffset ClosesAt) : CheckInResult(CheckInId, OpensAt, ClosesAt);

/// <summary>At least k members answered a closed round.</summary>
/// <param name="ResponseRate">Answers over the members invited at opening (0–1).</param>
/// <param name="Comments">For coaches only, in random order, without names; empty for leaders.</param>
public sealed record CheckInAggregate(
    long CheckInId,
    DateTimeOffset OpensAt,
    DateTimeOffset ClosesAt,
    int InstrumentVersion,
    int Responses,
    double ResponseRate,
    IReadOnlyList<ConditionAggregate> Conditions,
    IReadOnlyList<string> Comments) : CheckInResult(CheckInId, OpensAt, ClosesAt);

/// <param name="Mean">The mean of the condition's answers after reverse scoring (higher is better).</param>
/// <param name="Distribution">How many scored answers fell on each scale point, lowest first.</param>
public sealed record ConditionAggregate(CheckInCondition Condition, double Mean, IReadOnlyList<int> Distribution);
