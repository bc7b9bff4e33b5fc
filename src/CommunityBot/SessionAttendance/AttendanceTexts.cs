using CommunityBot.Localization;

namespace CommunityBot.SessionAttendance;

public sealed record AttendanceTexts
{
    public required string CantCome { get; init; }
    public required string ComeAfterAll { get; init; }
    public required string ReasonLabel { get; init; }
    public required string OnlyCoachHears { get; init; }
    public required string SendRegrets { get; init; }
    public required Func<string, string, string> RegretTitle { get; init; }
    public required string RegrettedShort { get; init; }
    public required string CantComeQuestion { get; init; }
    public required Func<string, string> Regretted { get; init; }
    public required Func<string, string> ComingAfterAll { get; init; }
    public required Func<string, string, string, string?, string> CoachRegret { get; init; }
    public required Func<string, string, string, string> CoachComingAfterAll { get; init; }
    public required string NoUpcomingSession { get; init; }
    public required string NotRegretted { get; init; }
    public required string SessionNotAhead { get; init; }
    public required string UnknownSession { get; init; }
    public required string PersonalChatOnly { get; init; }
    public required string CantComeCommand { get; init; }
    public required string CantComeWhat { get; init; }
    public required string ComeAfterAllCommand { get; init; }
    public required string ComeAfterAllWhat { get; init; }
    public required string AttendanceCommand { get; init; }
    public required string AttendanceWhat { get; init; }
    public required Func<string, string, string> AttendanceTitle { get; init; }
    public required string AttendanceIntro { get; init; }
    public required string RegrettedSuffix { get; init; }
    public required string Save { get; init; }
    public required Func<string, string, string> SavedBy { get; init; }
    public required string NoMembers { get; init; }
    public required string NotStartedYet { get; init; }
    public required string NotAMember { get; init; }
    public required Func<string, string> NoHeldSession { get; init; }
    public required string RunsNoCommunity { get; init; }

    public static readonly Localized<AttendanceTexts> All = new(
        new AttendanceTexts
        {
            CantCome = "Ik kan niet komen",
            ComeAfterAll = "Ik kom toch",
            ReasonLabel = "Reden (mag leeg blijven)",
            OnlyCoachHears = "Alleen de coach krijgt bericht, met je reden als je er een geeft. De groep krijgt geen bericht.",
            SendRegrets = "Afmelden",
            RegretTitle = (community, day) => $"{community}: sessie van {day}",
            RegrettedShort = "Je bent afgemeld voor deze sessie. De coach weet het.",
            CantComeQuestion = "Kan je niet naar de sessie komen?",
            Regretted = day => $"Je bent afgemeld voor de sessie van {day}. De coach weet het; de groep kreeg geen bericht.",
            ComingAfterAll = day => $"Je komt toch naar de sessie van {day}. De coach weet het.",
            CoachRegret = (name, community, day, reason) =>
                $"{name} kan niet komen naar de sessie van {community} op {day}." + (reason is null ? "" : $" Reden: “{reason}”") + " Dit bericht is alleen voor jou.",
            CoachComingAfterAll = (name, community, day) => $"{name} komt toch naar de sessie van {community} op {day}.",
            NoUpcomingSession = "Er is geen geplande sessie waarvoor je je kunt afmelden.",
            NotRegretted = "Je had je voor geen enkele komende sessie afgemeld.",
            SessionNotAhead = "Die sessie is al begonnen of voorbij: afmelden of toch komen kan niet meer.",
            UnknownSession = "Die sessie ken ik niet, of ze is niet aan jou. Er is niets veranderd.",
            PersonalChatOnly = "Afmelden en aanwezigheden regel je in een persoonlijk gesprek met mij, niet in het kanaal.",
            CantComeCommand = "ik kan niet komen",
            CantComeWhat = "je afmelden voor de volgende sessie (alleen de coach krijgt bericht)",
            ComeAfterAllCommand = "ik kom toch",
            ComeAfterAllWhat = "je afmelding intrekken",
            AttendanceCommand = "aanwezigheid",
            AttendanceWhat = "de aanwezigheid op de laatste sessie opnemen of aanpassen",
            AttendanceTitle = (community, day) => $"Aanwezigheid {community}: sessie van {day}",
            AttendanceIntro = "Zet uit wie er niet was. Wie zich vooraf afmeldde, staat al uit.",
            RegrettedSuffix = " (afgemeld)",
            Save = "Opslaan",
            SavedBy = (name, at) => $"Opgeslagen door {name} op {at}.",
            NoMembers = "Deze gemeenschap heeft geen leden.",
            NotStartedYet = "Die sessie is nog niet begonnen.",
            NotAMember = "Op deze kaart staat iemand die geen lid is van de gemeenschap. Er is niets opgeslagen.",
            NoHeldSession = community => $"{community}: er is nog geen sessie gehouden.",
            RunsNoCommunity = "Je bent van geen enkele gemeenschap coach.",
        },
        new AttendanceTexts
        {
            CantCome = "I can't come",
            ComeAfterAll = "I can come after all",
            ReasonLabel = "Reason (optional)",
            OnlyCoachHears = "Only the coach is told, with your reason if you give one. The group is not told.",
            SendRegrets = "Send regrets",
            RegretTitle = (community, day) => $"{community}: session of {day}",
            RegrettedShort = "You sent regrets for this session. The coach knows.",
            CantComeQuestion = "Can't make it to the session?",
            Regretted = day => $"You sent regrets for the session of {day}. The coach knows; the group was not told.",
            ComingAfterAll = day => $"You are coming to the session of {day} after all. The coach knows.",
            CoachRegret = (name, community, day, reason) =>
                $"{name} can't come to the {community} session on {day}." + (reason is null ? "" : $" Reason: “{reason}”") + " This is for you only.",
            CoachComingAfterAll = (name, community, day) => $"{name} can come to the {community} session on {day} after all.",
            NoUpcomingSession = "There is no planned session to send regrets for.",
            NotRegretted = "You had not sent regrets for any upcoming session.",
            SessionNotAhead = "That session is no longer ahead: regrets can no longer be sent or taken back.",
            UnknownSession = "I don't know that session, or it isn't yours. Nothing was changed.",
            PersonalChatOnly = "Regrets and attendance are handled in a personal chat with me, not in the channel.",
            CantComeCommand = "I can't come",
            CantComeWhat = "send regrets for the next session (only the coach is told)",
            ComeAfterAllCommand = "I can come after all",
            ComeAfterAllWhat = "take your regrets back",
            AttendanceCommand = "attendance",
            AttendanceWhat = "take or change attendance of the last session",
            AttendanceTitle = (community, day) => $"Attendance {community}: session of {day}",
            AttendanceIntro = "Switch off who was not there. Those who sent regrets are already off.",
            RegrettedSuffix = " (sent regrets)",
            Save = "Save",
            SavedBy = (name, at) => $"Saved by {name} on {at}.",
            NoMembers = "This community has no members.",
            NotStartedYet = "That session has not started yet.",
            NotAMember = "This card names someone who is not in the community. Nothing was saved.",
            NoHeldSession = community => $"{community}: no session has been held yet.",
            RunsNoCommunity = "You don't run any community.",
        });
}
