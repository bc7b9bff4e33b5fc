using CommunityBot.Localization;

namespace CommunityBot.Briefings;

public sealed record BriefingTexts
{
    public required Func<string, string, string> Title { get; init; }
    public required string Agreements { get; init; }
    public required string NoAgreements { get; init; }
    public required string HelpAsked { get; init; }
    public required string WontMakeIt { get; init; }
    public required string ToReview { get; init; }
    public required string Attendance { get; init; }
    public required Func<int, int, string> Present { get; init; }
    public required string NoPastSessions { get; init; }
    public required string CloseTheLoop { get; init; }
    public required string NotRecorded { get; init; }
    public required string Regrets { get; init; }
    public required string NoReason { get; init; }

    public static readonly Localized<BriefingTexts> All = new(
        new BriefingTexts
        {
            Title = (community, day) => $"Briefing {community}: sessie van {day}",
            Agreements = "Stand van de afspraken",
            NoAgreements = "Er staan geen afspraken op deze sessie.",
            HelpAsked = "Vroegen hulp",
            WontMakeIt = "Lukt niet",
            ToReview = "Te bespreken materiaal (vooraf lezen)",
            Attendance = "Aanwezigheid op de laatste sessies",
            Present = (present, total) => $"{present} van {total} aanwezig",
            NoPastSessions = "Nog geen eerdere sessies.",
            CloseTheLoop = "Afspraken afronden",
            NotRecorded = "niet opgenomen",
            Regrets = "Afgemeld voor deze sessie",
            NoReason = "geen reden gegeven",
        },
        new BriefingTexts
        {
            Title = (community, day) => $"Briefing {community}: session of {day}",
            Agreements = "State of the agreements",
            NoAgreements = "No agreements are due at this session.",
            HelpAsked = "Asked for help",
            WontMakeIt = "Won't make it",
            ToReview = "Material to discuss (read beforehand)",
            Attendance = "Attendance at the last sessions",
            Present = (present, total) => $"{present} of {total} present",
            NoPastSessions = "No earlier sessions yet.",
            CloseTheLoop = "Close the loop",
            NotRecorded = "not recorded",
            Regrets = "Sent regrets for this session",
            NoReason = "no reason given",
        });
}
