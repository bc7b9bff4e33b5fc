using CommunityBot.Localization;

namespace CommunityBot.CheckIns;

/// <summary>
/// A check-in instrument as read from <c>instrument-v{N}.json</c>. Every member is nullable so that a missing field is
/// reported by <see cref="InstrumentValidator"/> with its path instead of failing deep inside the deserialiser.
/// </summary>
public sealed record InstrumentFile
{
    public int? Version { get; init; }
    public InstrumentScale? Scale { get; init; }
    public IReadOnlyList<InstrumentCondition?>? Conditions { get; init; }
    public IReadOnlyList<InstrumentItem?>? Items { get; init; }
}

/// <summary>The Likert scale: its lowest and highest value and one label per point, lowest first.</summary>
public sealed record InstrumentScale
{
    public int? Min { get; init; }
    public int? Max { get; init; }
    public IReadOnlyList<InstrumentText?>? Labels { get; init; }
}

/// <summary>A condition's name and one suggestion of how a coach can make it discussable in the next session.</summary>
public sealed record InstrumentCondition
{
    public CheckInCondition? Id { get; init; }
    public InstrumentText? Name { get; init; }
    public InstrumentText? Suggestion { get; init; }
}

/// <summary>One statement; <see cref="Reverse"/> items are scored max + min − answer, so a high score is always good.</summary>
public sealed record InstrumentItem
{
    public string? Id { get; init; }
    public CheckInCondition? Condition { get; init; }
    public bool? Reverse { get; init; }
    public string? Source { get; init; }
    public InstrumentText? Text { get; init; }
}

/// <summary>A text in both languages.</summary>
public sealed record InstrumentText
{
    public string? Nl { get; init; }
    public string? En { get; init; }

    public string For(Language language) => (language == Language.English ? En : Nl)!;
}
