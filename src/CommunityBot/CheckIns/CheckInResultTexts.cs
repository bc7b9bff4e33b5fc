using CommunityBot.Localization;

namespace CommunityBot.CheckIns;

public sealed record CheckInResultTexts
{
    public required Func<string, string, string> Title { get; init; }
    public required string NotEnough { get; init; }
    public required Func<string, string> Rate { get; init; }
    public required string ChartTitle { get; init; }
    public required Func<string, string> Change { get; init; }
    public required string FirstTime { get; init; }
    public required Func<string, string> Lowest { get; init; }
    public required string Comments { get; init; }
    public required string CommentsNote { get; init; }
    public required Func<string, string, string, string> Headline { get; init; }
    public required string HeadlineNotEnough { get; init; }
    public required string Command { get; init; }
    public required string CommandWhat { get; init; }
    public required string Refused { get; init; }
    public required Func<string, string> NoneClosed { get; init; }

    public static readonly Localized<CheckInResultTexts> All = new(
        new CheckInResultTexts
        {
            Title = (community, day) => $"Resultaat check-in {community} (gesloten {day})",
            NotEnough = "Niet genoeg antwoorden om iets te tonen.",
            Rate = percent => $"Respons: {percent}",
            ChartTitle = "Gemiddelde per thema (1–5, hoger is beter)",
            Change = delta => $"{delta} sinds vorige keer",
            FirstTime = "eerste meting",
            Lowest = condition => $"Laagste thema: {condition}. Zo maak je het bespreekbaar in de volgende sessie:",
            Comments = "Opmerkingen",
            CommentsNote = "Zonder naam, in willekeurige volgorde; alleen jij als coach ziet ze.",
            Headline = (rate, condition, mean) => $"Laatste check-in: respons {rate}, laagste thema {condition} ({mean}).",
            HeadlineNotEnough = "Laatste check-in: niet genoeg antwoorden.",
            Command = "check-in resultaten",
            CommandWhat = "het resultaat van de laatste afgesloten check-in van je gemeenschappen",
            Refused = "Alleen de coach en de coach van de coach van een gemeenschap zien de resultaten van haar check-ins.",
            NoneClosed = community => $"{community} heeft nog geen afgesloten check-in.",
        },
        new CheckInResultTexts
        {
            Title = (community, day) => $"Check-in result {community} (closed {day})",
            NotEnough = "Not enough answers to show anything.",
            Rate = percent => $"Response rate: {percent}",
            ChartTitle = "Average per theme (1–5, higher is better)",
            Change = delta => $"{delta} since last time",
            FirstTime = "first measurement",
            Lowest = condition => $"Lowest theme: {condition}. How to make it discussable in the next session:",
            Comments = "Comments",
            CommentsNote = "Without names, in random order; only you as the coach see them.",
            Headline = (rate, condition, mean) => $"Last check-in: response rate {rate}, lowest theme {condition} ({mean}).",
            HeadlineNotEnough = "Last check-in: not enough answers.",
            Command = "check-in results",
            CommandWhat = "the result of your communities' latest closed check-in",
            Refused = "Only a community's coach and the coach's coach see the results of its check-ins.",
            NoneClosed = community => $"{community} has no closed check-in yet.",
        });
}
