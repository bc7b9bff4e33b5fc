using CommunityBot.Localization;

namespace CommunityBot.Agreements;

/// <summary>What closing the loop says: the coach's close-the-loop card, the open-agreements list and the edit card.</summary>
public sealed record CloseLoopTexts
{
    public required Func<string, string, string> Title { get; init; }
    public required string Intro { get; init; }
    public required Func<string, string> CarryTo { get; init; }
    public required string CarryWaits { get; init; }
    public required string Nothing { get; init; }
    public required Func<string, string> FromEarlier { get; init; }
    public required string Done { get; init; }
    public required string CarryOver { get; init; }
    public required string Change { get; init; }
    public required string Drop { get; init; }
    public required string DropReasonLabel { get; init; }
    public required string DropConfirm { get; init; }

    public required Func<string, string> OpenTitle { get; init; }
    public required string OpenNone { get; init; }
    public required Func<int, string> OpenMore { get; init; }
    public required string OpenSentPersonally { get; init; }

    public required string EditTitle { get; init; }
    public required string Save { get; init; }
    public required string Back { get; init; }

    public required Func<string, string> ClosedDone { get; init; }
    public required Func<string, string> CarriedOver { get; init; }
    public required Func<string, string> CarriedOverWaits { get; init; }
    public required Func<string, string> Dropped { get; init; }
    public required Func<string, string> Changed { get; init; }
    public required string Unchanged { get; init; }
    public required string OnlyCoach { get; init; }
    public required string UnknownPeopleOrSession { get; init; }

    public required string OpenCommand { get; init; }
    public required string OpenWhat { get; init; }

    public required Func<string, string, string> NoSessionOn { get; init; }
    public required string NoSessionsPlanned { get; init; }

    public static readonly Localized<CloseLoopTexts> All = new(
        new CloseLoopTexts
        {
            Title = (community, day) => $"Afspraken afronden – {community}, sessie van {day}",
            Intro = "Kies voor elke afspraak hoe ze afgesloten wordt: klaar, doorschuiven naar de volgende sessie, aanpassen of schrappen.",
            CarryTo = day => $"Doorschuiven gaat naar de volgende sessie: {day}. De eigenaars krijgen er nieuwe herinneringen voor.",
            CarryWaits = "Er is nog geen volgende sessie gepland: een doorgeschoven afspraak wacht tot er een gepland is en krijgt dan herinneringen.",
            Nothing = "Er staan geen afspraken op deze sessie.",
            FromEarlier = day => $"Nog open van de sessie van {day}",
            Done = "✓ Klaar",
            CarryOver = "Doorschuiven",
            Change = "Aanpassen",
            Drop = "Schrappen…",
            DropReasonLabel = "Waarom? (optioneel, blijft bewaard bij de afspraak)",
            DropConfirm = "Schrappen",
            OpenTitle = community => $"Open afspraken – {community}",
            OpenNone = "Er zijn geen open afspraken.",
            OpenMore = count => $"En nog {count} meer: sluit eerst deze af.",
            OpenSentPersonally = "De open afspraken tonen ook wie hulp vroeg, dus ik stuur ze je in je persoonlijke chat.",
            EditTitle = "Afspraak aanpassen",
            Save = "Bewaren",
            Back = "Terug",
            ClosedDone = text => $"Afgesloten als klaar: {text}.",
            CarriedOver = text => $"Doorgeschoven naar de volgende sessie: {text}.",
            CarriedOverWaits = text => $"Doorgeschoven: {text}. Er is nog geen volgende sessie gepland; de afspraak wacht tot er een is.",
            Dropped = text => $"Geschrapt: {text}.",
            Changed = text => $"Aangepast: {text}.",
            Unchanged = "Er is niets veranderd.",
            OnlyCoach = "Alleen de coach van deze leergemeenschap kan afspraken aanpassen of afsluiten.",
            UnknownPeopleOrSession = "Kies mensen uit de groep en een geplande sessie.",
            OpenCommand = "open afspraken",
            OpenWhat = "de afspraken die nog niet afgesloten zijn: aanpassen of schrappen",
            NoSessionOn = (day, planned) => $"Er is geen sessie gepland op {day}. Geplande sessies: {planned}. Er is nog niets genoteerd.",
            NoSessionsPlanned = "geen",
        },
        new CloseLoopTexts
        {
            Title = (community, day) => $"Close the loop – {community}, session of {day}",
            Intro = "Choose for each agreement how it is closed: done, carried over to the next session, changed or dropped.",
            CarryTo = day => $"Carrying over moves it to the next session: {day}. The owners get new reminders for it.",
            CarryWaits = "No next session is planned yet: a carried-over agreement waits until one is planned and then gets reminders.",
            Nothing = "No agreements are due at this session.",
            FromEarlier = day => $"Still open from the session of {day}",
            Done = "✓ Done",
            CarryOver = "Carry over",
            Change = "Change",
            Drop = "Drop…",
            DropReasonLabel = "Why? (optional, kept with the agreement)",
            DropConfirm = "Drop",
            OpenTitle = community => $"Open agreements – {community}",
            OpenNone = "There are no open agreements.",
            OpenMore = count => $"And {count} more: close these first.",
            OpenSentPersonally = "The open agreements also show who asked for help, so I'm sending them to your personal chat.",
            EditTitle = "Change agreement",
            Save = "Save",
            Back = "Back",
            ClosedDone = text => $"Closed as done: {text}.",
            CarriedOver = text => $"Carried over to the next session: {text}.",
            CarriedOverWaits = text => $"Carried over: {text}. No next session is planned yet; the agreement waits until one is.",
            Dropped = text => $"Dropped: {text}.",
            Changed = text => $"Changed: {text}.",
            Unchanged = "Nothing changed.",
            OnlyCoach = "Only the coach of this learning community can change or close agreements.",
            UnknownPeopleOrSession = "Choose people from the group and a planned session.",
            OpenCommand = "open agreements",
            OpenWhat = "the agreements not closed yet: change or drop them",
            NoSessionOn = (day, planned) => $"No session is planned on {day}. Planned sessions: {planned}. Nothing was recorded.",
            NoSessionsPlanned = "none",
        });
}
