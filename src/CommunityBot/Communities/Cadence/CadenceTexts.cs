using CommunityBot.Localization;

namespace CommunityBot.Communities.Cadence;

/// <summary>Everything the cadence card says, and how a rhythm and a session length read on the sheet and in the planning warnings.</summary>
public sealed record CadenceTexts
{
    /// <summary>{0} community.</summary>
    public required string Title { get; init; }

    public required string Intro { get; init; }
    public required string KindLabel { get; init; }
    public required string KindEveryWeeks { get; init; }
    public required string KindPerYear { get; init; }
    public required string WeeksLabel { get; init; }
    public required string PerYearLabel { get; init; }
    public required string DurationLabel { get; init; }
    public required string Save { get; init; }

    /// <summary>{0} the rhythm, {1} the length.</summary>
    public required string Saved { get; init; }

    public required string ErrorKind { get; init; }

    /// <summary>{0} lowest, {1} highest.</summary>
    public required string ErrorWeeks { get; init; }

    /// <summary>{0} lowest, {1} highest.</summary>
    public required string ErrorPerYear { get; init; }

    public required string ErrorDuration { get; init; }
    public required string UnknownCommunity { get; init; }

    /// <summary>{0} weeks.</summary>
    public required string EveryWeeks { get; init; }

    /// <summary>{0} sessions.</summary>
    public required string PerYear { get; init; }

    public required Func<TimeSpan, string> Length { get; init; }

    public string Rhythm(CadenceKind kind, int count) => string.Format(kind == CadenceKind.EveryNWeeks ? EveryWeeks : PerYear, count);

    public static readonly Localized<CadenceTexts> All = new(
        new CadenceTexts
        {
            Title = "Ritme van {0}",
            Intro = "Een groep die samen materiaal ontwerpt, komt best om de 4 à 6 weken samen; anders minstens 5 keer per schooljaar, telkens 2 à 3 uur. Kies wat jullie afspreken: de bot vraagt de coach om te plannen wanneer dat ritme in gevaar komt.",
            KindLabel = "Ritme",
            KindEveryWeeks = "Om de zoveel weken",
            KindPerYear = "Minstens zoveel keer per schooljaar",
            WeeksLabel = "Om de hoeveel weken?",
            PerYearLabel = "Hoeveel sessies per schooljaar?",
            DurationLabel = "Geplande duur van een sessie",
            Save = "Opslaan",
            Saved = "✓ Opgeslagen: {0}, sessies van {1}.",
            ErrorKind = "Kies een ritme.",
            ErrorWeeks = "Kies om de hoeveel weken jullie samenkomen ({0} tot {1}).",
            ErrorPerYear = "Kies hoeveel sessies per schooljaar ({0} tot {1}).",
            ErrorDuration = "Kies een duur tussen 1 en 4 uur.",
            UnknownCommunity = "Die leergemeenschap ken ik niet, of je mag haar ritme niet aanpassen. Er is niets gewijzigd.",
            EveryWeeks = "om de {0} weken",
            PerYear = "minstens {0} keer per schooljaar",
            Length = d => d.Minutes == 0 ? $"{(int)d.TotalHours} uur" : $"{(int)d.TotalHours}u{d.Minutes:D2}",
        },
        new CadenceTexts
        {
            Title = "Rhythm of {0}",
            Intro = "A group that designs material together best meets every 4 to 6 weeks; otherwise at least 5 times a school year, 2 to 3 hours each time. Choose what your group agrees on: the bot asks the coach to plan when that rhythm is at risk.",
            KindLabel = "Rhythm",
            KindEveryWeeks = "Every so many weeks",
            KindPerYear = "At least so many times a school year",
            WeeksLabel = "Every how many weeks?",
            PerYearLabel = "How many sessions a school year?",
            DurationLabel = "Planned length of a session",
            Save = "Save",
            Saved = "✓ Saved: {0}, sessions of {1}.",
            ErrorKind = "Choose a rhythm.",
            ErrorWeeks = "Choose every how many weeks you meet ({0} to {1}).",
            ErrorPerYear = "Choose how many sessions a school year ({0} to {1}).",
            ErrorDuration = "Choose a length between 1 and 4 hours.",
            UnknownCommunity = "I don't know that learning community, or you may not change its rhythm. Nothing was changed.",
            EveryWeeks = "every {0} weeks",
            PerYear = "at least {0} times a school year",
            Length = d => d.Minutes == 0 ? $"{(int)d.TotalHours} hours" : $"{(int)d.TotalHours} h {d.Minutes:D2}",
        });
}
