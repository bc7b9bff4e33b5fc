using CommunityBot.Localization;

namespace CommunityBot.Demo;

public sealed record DevTexts
{
    public required Func<int, bool, string, string> Advanced { get; init; }
    public required string AdvanceUsage { get; init; }

    /// <summary>A negative, zero or too large amount; {0}: the most days at once.</summary>
    public required Func<int, string> AdvanceRefused { get; init; }
    public required string SweepsRun { get; init; }

    /// <summary>The sweeps ran but nothing may go out now: {0} when it will ("morgen om 08:00"), {1} why ("stille uren").</summary>
    public required Func<string, string, string> SweepsDeferred { get; init; }
    public required Func<DeferReason, string> Reason { get; init; }

    /// <summary>{0}: "vandaag", "morgen" or a date; {1}: the time.</summary>
    public required Func<string, string, string> At { get; init; }
    public required string Today { get; init; }
    public required string Tomorrow { get; init; }
    public required string AdvanceCommand { get; init; }
    public required string AdvanceWhat { get; init; }
    public required string RunCommand { get; init; }
    public required string RunWhat { get; init; }
    public required string ResetCommand { get; init; }
    public required string ResetWhat { get; init; }
    public required string ResetDone { get; init; }
    public required string ResetRefused { get; init; }

    public static readonly Localized<DevTexts> All = new(
        new DevTexts
        {
            Advanced = (amount, hours, now) => $"De demoklok is {amount} {(hours ? "uur" : "dag(en)")} doorgespoeld; het is nu {now}. Typ 'herinneringen nu' om te zien wat er nu verstuurd wordt.",
            AdvanceUsage = "Typ bv. 'spoel 7 dagen door' of 'spoel 5 uur door'.",
            AdvanceRefused = max => $"De demoklok gaat alleen vooruit, met 1 tot {max} dagen per keer (of in uren: 'spoel 5 uur door'). Er is niets veranderd.",
            SweepsRun = "Herinneringen, briefings en duwtjes zijn nagekeken; wat nu aan de beurt is, is onderweg.",
            SweepsDeferred = (when, why) => $"Herinneringen, briefings en duwtjes zijn nagekeken. Wat nu aan de beurt is, komt {when} ({why}): ik schrijf niemand in de stille uren, in het weekend of in een schoolvakantie.",
            Reason = reason => reason switch
            {
                DeferReason.Holiday => "schoolvakantie",
                DeferReason.Weekend => "weekend",
                _ => "stille uren",
            },
            At = (day, time) => $"{day} om {time}",
            Today = "vandaag",
            Tomorrow = "morgen",
            AdvanceCommand = "spoel <n> dagen/uur door",
            AdvanceWhat = "zet de demoklok vooruit",
            RunCommand = "herinneringen nu",
            RunWhat = "verstuur nu wat aan de beurt is",
            ResetCommand = "demo reset",
            ResetWhat = "zet de demo terug zoals bij de start: alle gegevens opnieuw, de klok op nu",
            ResetDone = "De demo staat weer zoals bij de start: de gegevens zijn opnieuw aangemaakt, de demoklok staat op nu en iedereen is weer zichzelf.",
            ResetRefused = "Deze databank bevat ook andere tenants dan de demo, dus ik zet niets terug. Er is niets veranderd.",
        },
        new DevTexts
        {
            Advanced = (amount, hours, now) => $"The demo clock moved {amount} {(hours ? "hour(s)" : "day(s)")} ahead; it is now {now}. Type 'run reminders now' to see what goes out now.",
            AdvanceUsage = "Type e.g. 'advance 7 days' or 'advance 5 hours'.",
            AdvanceRefused = max => $"The demo clock only moves ahead, by 1 to {max} days at a time (or in hours: 'advance 5 hours'). Nothing was changed.",
            SweepsRun = "Reminders, briefings and nudges were checked; whatever is due is on its way.",
            SweepsDeferred = (when, why) => $"Reminders, briefings and nudges were checked. Whatever is due now comes {when} ({why}): I write to nobody in the quiet hours, at weekends or in school holidays.",
            Reason = reason => reason switch
            {
                DeferReason.Holiday => "school holiday",
                DeferReason.Weekend => "weekend",
                _ => "quiet hours",
            },
            At = (day, time) => $"{day} at {time}",
            Today = "today",
            Tomorrow = "tomorrow",
            AdvanceCommand = "advance <n> days/hours",
            AdvanceWhat = "move the demo clock ahead",
            RunCommand = "run reminders now",
            RunWhat = "send what is due now",
            ResetCommand = "demo reset",
            ResetWhat = "put the demo back as it started: all data anew, the clock at now",
            ResetDone = "The demo is back as it started: its data was made anew, the demo clock is at now and everyone is themselves again.",
            ResetRefused = "This database holds other tenants than the demo, so I reset nothing. Nothing was changed.",
        });
}

public enum DeferReason
{
    QuietHours,
    Weekend,
    Holiday,
}
