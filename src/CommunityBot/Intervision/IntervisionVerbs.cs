namespace CommunityBot.Intervision;

public static class IntervisionVerbs
{
    public const string Vote = "intervision.vote";
    public const string Refresh = "intervision.refresh";
    public const string Confirm = "intervision.confirm";
    public const string SaveGroup = "intervision.group";
    public const string Move = "intervision.move";
    public const string Cancel = "intervision.cancel";
}

/// <summary>The vote card's data; the ticks come back as the inputs <c>slot-{slotId}</c>.</summary>
public sealed record VoteData(long ProposalId);

/// <summary>The confirm card's data; the chosen slot comes back as the input <c>slot</c>.</summary>
public sealed record ConfirmData(long ProposalId);

/// <summary>The booked card's move and cancel data (the coach-the-coach's copy); a move brings the inputs <c>date</c> and <c>time</c>.</summary>
public sealed record ChangeData(long ProposalId);

/// <summary>
/// The group card's data and inputs, as text: <c>coaches</c> person ids and <c>days</c> day numbers (0 Sunday) joined
/// by commas, <c>cadence</c> weeks, <c>duration</c> minutes, <c>dayStart</c>/<c>dayEnd</c> "HH:mm".
/// </summary>
public sealed record GroupForm
{
    public required long GroupId { get; init; }
    public string? Coaches { get; init; }
    public string? Cadence { get; init; }
    public string? Duration { get; init; }
    public string? Days { get; init; }
    public string? DayStart { get; init; }
    public string? DayEnd { get; init; }
}
