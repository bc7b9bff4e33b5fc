using CommunityBot.Localization;

namespace CommunityBot.Demo;

public sealed record DevTexts
{
    public required Func<int, string, string> Advanced { get; init; }
    public required string AdvanceUsage { get; init; }
    public required string SweepsRun { get; init; }
    public required string AdvanceCommand { get; init; }
    public required string AdvanceWhat { get; init; }
    public required string RunCommand { get; init; }
    public required string RunWhat { get; init; }

    public static readonly Localized<DevTexts> All = new(
        new DevTexts
        {
            Advanced = (days, now) => $"De demoklok is {days} dag(en) doorgespoeld; het is nu {now}. Typ 'herinneringen nu' om te zien wat er nu verstuurd wordt.",
            AdvanceUsage = "Typ bv. 'spoel 7 dagen door'.",
            SweepsRun = "Herinneringen, briefings en duwtjes zijn nagekeken; wat nu aan de beurt is, is onderweg.",
            AdvanceCommand = "spoel <n> dagen door",
            AdvanceWhat = "(ontwikkeling) zet de demoklok vooruit",
            RunCommand = "herinneringen nu",
            RunWhat = "(ontwikkeling) verstuur nu wat aan de beurt is",
        },
        new DevTexts
        {
            Advanced = (days, now) => $"The demo clock moved {days} day(s) ahead; it is now {now}. Type 'run reminders now' to see what goes out now.",
            AdvanceUsage = "Type e.g. 'advance 7 days'.",
            SweepsRun = "Reminders, briefings and nudges were checked; whatever is due is on its way.",
            AdvanceCommand = "advance <n> days",
            AdvanceWhat = "(development) move the demo clock ahead",
            RunCommand = "run reminders now",
            RunWhat = "(development) send what is due now",
        });
}
