namespace CommunityBot.CheckIns;

/// <summary>One member's own answers in one community, oldest round first: only ever shown to that member.</summary>
public sealed record OwnCheckIns(long CommunityId, string CommunityName, TimeZoneInfo Zone, IReadOnlyList<OwnRound> Rounds)
{
    public OwnRound? Round(long checkInId) => Rounds.FirstOrDefault(r => r.CheckIn.Id == checkInId);

    /// <summary>The member's answered round before this one, to compare with.</summary>
    public OwnRound? Before(long checkInId) =>
        Round(checkInId) is { } round ? Rounds.LastOrDefault(r => r.CheckIn.OpensAt < round.CheckIn.OpensAt && r.Answers is not null) : null;
}

/// <param name="Answers">Item id → answer as given; null when the member has not answered this round.</param>
public sealed record OwnRound(CheckIn CheckIn, Instrument Instrument, IReadOnlyDictionary<string, int>? Answers, string? Comment)
{
    /// <summary>The member's own score per condition (mean of its items, reverse scoring applied); only for answered rounds.</summary>
    public IReadOnlyList<(CheckInCondition Condition, double Score)> Scores() =>
        Answers is null
            ? []
            : [.. Instrument.Conditions.Select(c => (c.Id, Instrument.Items
                .Where(i => i.Condition == c.Id && Answers.ContainsKey(i.Id))
                .Select(i => (double)Instrument.Scored(i, Answers[i.Id]))
                .DefaultIfEmpty(0).Average()))];
}
