namespace CommunityBot.CheckIns;

/// <summary>A validated instrument: what cards, answers and the aggregation read. Built only by <see cref="InstrumentValidator"/>.</summary>
public sealed class Instrument
{
    internal Instrument(int version, int min, int max, IReadOnlyList<InstrumentText> labels, IReadOnlyList<ConditionText> conditions, IReadOnlyList<Statement> items)
    {
        Version = version;
        Min = min;
        Max = max;
        Labels = labels;
        Conditions = conditions;
        Items = items;
    }

    public int Version { get; }
    public int Min { get; }
    public int Max { get; }

    /// <summary>One label per scale point, lowest first.</summary>
    public IReadOnlyList<InstrumentText> Labels { get; }

    /// <summary>Every condition once, in the order of <see cref="CheckInCondition"/>.</summary>
    public IReadOnlyList<ConditionText> Conditions { get; }

    public IReadOnlyList<Statement> Items { get; }

    public Statement? Item(string id) => Items.FirstOrDefault(i => i.Id == id);

    public ConditionText Condition(CheckInCondition id) => Conditions.Single(c => c.Id == id);

    /// <summary>The answer as it counts for its condition: a reverse-scored item is turned around, so high is always good.</summary>
    public int Scored(Statement item, int answer) => item.Reverse ? Max + Min - answer : answer;

    public bool InRange(int answer) => answer >= Min && answer <= Max;
}

public sealed record ConditionText(CheckInCondition Id, InstrumentText Name, InstrumentText Suggestion);

public sealed record Statement(string Id, CheckInCondition Condition, bool Reverse, string Source, InstrumentText Text);
