using CommunityBot.Localization;

namespace CommunityBot.Demo;

public sealed record DevTexts
{
    public required Func<int, bool, string, string> Advanced { get; init; }
    public required string AdvanceUsage { get; init; }
    public required string SweepsRun { get; init; }
    public required string AdvanceCommand { get; init; }
    public required string AdvanceWhat { get; init; }
    public required string RunCommand { get; init; }
    public required string RunWhat { get; init; }

    public static readonly Localized<DevTexts> All = new(
        new DevTexts
        {
            Advanced = (amount, hours, now) => $"De demoklok is {amount} {(hours ? "uur" : "dag(en)")} doorgespoeld; het is nu {now}. Typ 'herinneringen nu' om te zien wat er nu verstuurd wordt.",
            AdvanceUsage = "Typ bv. 'spoel 7 dagen door' of 'spoel 5 uur door'.",
            SweepsRun = "Herinneringen, briefings en duwtjes zijn nagekeken; wat nu aan de beurt is, is onderweg.",
            AdvanceCommand = "spoel <n> dagen/uur door",
            AdvanceWhat = "zet de demoklok vooruit",
            RunCommand = "herinneringen nu",
            RunWhat = "verstuur nu wat aan de beurt is",
        },
        new DevTexts
        {
            Advanced = (amount, hours, now) => $"The demo clock moved {amount} {(hours ? "hour(s)" : "day(s)")} ahead; it is now {now}. Type 'run reminders now' to see what goes out now.",
            AdvanceUsage = "Type e.g. 'advance 7 days' or 'advance 5 hours'.",
            SweepsRun = "Reminders, briefings and nudges were checked; whatever is due is on its way.",
            AdvanceCommand = "advance <n> days/hours",
            AdvanceWhat = "move the demo clock ahead",
            RunCommand = "run reminders now",
            RunWhat = "send what is due now",
        });
}
