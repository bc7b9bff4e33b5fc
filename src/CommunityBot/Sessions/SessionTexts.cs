using CommunityBot.Localization;

namespace CommunityBot.Sessions;

/// <summary>Everything the sessions feature says. Placeholders: {0} community, {1} when, {2} where, as noted.</summary>
public sealed record SessionTexts
{
    public required string PlanTitle { get; init; }
    public required string MoveTitle { get; init; }
    public required string FormIntro { get; init; }
    public required string DateLabel { get; init; }
    public required string TimeLabel { get; init; }
    public required string LocationLabel { get; init; }
    public required string LocationPlaceholder { get; init; }
    public required string OnlineUrlLabel { get; init; }
    public required string Save { get; init; }
    public required string PickCommunity { get; init; }
    public required string PlannedTitle { get; init; }
    public required string MovedTitle { get; init; }
    public required string CancelledTitle { get; init; }
    public required string Move { get; init; }
    public required string Cancel { get; init; }
    public required string PlanAnother { get; init; }
    public required string JoinOnline { get; init; }
    public required string FactCommunity { get; init; }
    public required string FactWhen { get; init; }
    public required string FactWhere { get; init; }
    public required string Online { get; init; }
    public required string AnnouncePlanned { get; init; }
    public required string AnnounceMoved { get; init; }
    public required string AnnounceCancelled { get; init; }
    public required string AnnounceFooter { get; init; }

    /// <summary>The group hears of a planned, moved or cancelled session only in a linked channel: the coach reads which.</summary>
    public required string ChannelPromise { get; init; }
    public required string NoChannel { get; init; }

    /// <summary>{0} date, {1} time, as in "dinsdag 10 maart 2026 om 15:30".</summary>
    public required string DateAtTime { get; init; }

    public required string CultureName { get; init; }

    public required string NextSession { get; init; }
    public required string NoNextSession { get; init; }
    public required string NotInAnyCommunity { get; init; }
    public required string NotACoach { get; init; }
    public required string NotCoachOfThis { get; init; }
    public required string UnknownCommunity { get; init; }
    public required string UnknownSession { get; init; }
    public required string ChangedMeanwhile { get; init; }
    public required string ErrorDateMissing { get; init; }
    public required string ErrorDateFormat { get; init; }
    public required string ErrorTimeMissing { get; init; }
    public required string ErrorTimeFormat { get; init; }
    public required string ErrorInPast { get; init; }
    public required string ErrorTooFarAhead { get; init; }
    public required string ErrorTimeDoesNotExist { get; init; }
    public required string ErrorWhereMissing { get; init; }
    public required string ErrorLocationTooLong { get; init; }
    public required string ErrorUrl { get; init; }
    public required string ErrorDuration { get; init; }
    public required string DurationLabel { get; init; }

    /// <summary>{0} when the other session is.</summary>
    public required string WarningTooClose { get; init; }

    /// <summary>{0} the length.</summary>
    public required string WarningTooShort { get; init; }

    /// <summary>{0} the length.</summary>
    public required string WarningTooLong { get; init; }
    public required string PlanCommand { get; init; }
    public required string PlanWhat { get; init; }
    public required string NextCommand { get; init; }
    public required string NextWhat { get; init; }
    public required string ListTitle { get; init; }
    public required string ListNothingPlanned { get; init; }
    public required string ListCommand { get; init; }
    public required string ListWhat { get; init; }

    /// <summary>{0} the day, as in "Sessie van woensdag 12 maart afgelasten?".</summary>
    public required string ConfirmCancelTitle { get; init; }
    public required string ConfirmCancelWhat { get; init; }
    public required string ConfirmCancelYes { get; init; }
    public required string ConfirmCancelNo { get; init; }
    public required string Back { get; init; }
    public required string SessionTitle { get; init; }
    public required string HeldTitle { get; init; }
    public required string NowCancelled { get; init; }
    public required string NowHeld { get; init; }
    public required string NextTitle { get; init; }

    public static readonly Localized<SessionTexts> All = new(
        new SessionTexts
        {
            PlanTitle = "Volgende sessie plannen",
            MoveTitle = "Sessie verplaatsen",
            FormIntro = "Kies wanneer en waar {0} samenkomt.",
            ChannelPromise = "De groep krijgt een bericht in het kanaal.",
            NoChannel = "Er is geen kanaal gekoppeld — alleen jij ziet dit.",
            DateLabel = "Datum",
            TimeLabel = "Beginuur",
            LocationLabel = "Plaats",
            LocationPlaceholder = "bv. lokaal 12, Sint-Jozefscollege",
            OnlineUrlLabel = "Of online (link naar de vergadering)",
            Save = "Opslaan",
            PickCommunity = "Voor welke leergemeenschap wil je een sessie plannen?",
            PlannedTitle = "✓ Sessie gepland",
            MovedTitle = "✓ Sessie verplaatst",
            CancelledTitle = "Sessie afgelast",
            Move = "Verplaatsen",
            Cancel = "Afgelasten",
            PlanAnother = "Nieuwe sessie plannen",
            JoinOnline = "Online deelnemen",
            FactCommunity = "Leergemeenschap",
            FactWhen = "Wanneer",
            FactWhere = "Waar",
            Online = "online",
            AnnouncePlanned = "Volgende sessie van {0}",
            AnnounceMoved = "De sessie van {0} is verplaatst",
            AnnounceCancelled = "De sessie van {0} op {1} gaat niet door",
            AnnounceFooter = "Typ 'volgende sessie' om dit later terug te vinden.",
            DateAtTime = "{0} om {1}",
            CultureName = "nl-BE",
            NextSession = "Volgende sessie van {0}: {1}, {2}.",
            NoNextSession = "Voor {0} is nog geen volgende sessie gepland.",
            NotInAnyCommunity = "Je bent nog geen lid van een leergemeenschap.",
            NotACoach = "Alleen een coach kan sessies plannen, en je bent van geen enkele leergemeenschap coach.",
            NotCoachOfThis = "Alleen de coach van deze leergemeenschap kan haar sessies plannen, verplaatsen of afgelasten. Er is niets gewijzigd.",
            UnknownCommunity = "Die leergemeenschap ken ik niet, of je mag haar sessies niet plannen. Er is niets gewijzigd.",
            UnknownSession = "Die sessie ken ik niet, of je mag ze niet aanpassen. Er is niets gewijzigd.",
            ChangedMeanwhile = "Iemand heeft deze sessie intussen al veranderd. Hier is de nieuwste versie.",
            ErrorDateMissing = "Kies een datum.",
            ErrorDateFormat = "Die datum begrijp ik niet (gebruik de datumkiezer).",
            ErrorTimeMissing = "Kies een beginuur.",
            ErrorTimeFormat = "Dat uur begrijp ik niet; schrijf het als 15:30.",
            ErrorInPast = "Die datum en dat uur liggen in het verleden; kies een moment in de toekomst.",
            ErrorTooFarAhead = "Plan hoogstens een jaar vooruit.",
            ErrorTimeDoesNotExist = "Dat uur bestaat niet die dag (de klok wordt verzet); kies een ander uur.",
            ErrorWhereMissing = "Vul een plaats of een online link in.",
            ErrorLocationTooLong = "De plaats is te lang (hoogstens 300 tekens).",
            ErrorUrl = "De online link moet een volledig webadres zijn (https://…, hoogstens 1000 tekens).",
            ErrorDuration = "Kies een duur tussen 1 en 4 uur.",
            DurationLabel = "Duur",
            WarningTooClose = "Let op: er is ook een sessie op {0}, minder dan twee weken ervoor of erna. Sessies die te dicht op elkaar liggen, laten weinig tijd om afspraken uit te voeren.",
            WarningTooShort = "Let op: een sessie van {0} is korter dan de 2 à 3 uur die een leergemeenschap nodig heeft om samen iets uit te werken.",
            WarningTooLong = "Let op: een sessie van {0} is langer dan de aangeraden 2 à 3 uur.",
            PlanCommand = "sessie plannen",
            PlanWhat = "de volgende sessie plannen",
            NextCommand = "volgende sessie",
            NextWhat = "wanneer en waar jullie volgende sessie is",
            ListTitle = "Geplande sessies",
            ListNothingPlanned = "Er is nog geen sessie gepland.",
            ListCommand = "sessies",
            ListWhat = "alle geplande sessies; coaches kunnen ze er verplaatsen of afgelasten",
            ConfirmCancelTitle = "Sessie van {0} afgelasten?",
            ConfirmCancelWhat = "De groep krijgt in het kanaal een bericht dat de sessie niet doorgaat. Open afspraken voor deze sessie schuiven door naar de volgende sessie.",
            ConfirmCancelYes = "Ja, afgelasten",
            ConfirmCancelNo = "Nee, terug",
            Back = "Terug",
            SessionTitle = "Geplande sessie",
            HeldTitle = "Sessie voorbij",
            NowCancelled = "Deze sessie is intussen afgelast.",
            NowHeld = "Deze sessie heeft intussen al plaatsgevonden.",
            NextTitle = "Volgende sessie",
        },
        new SessionTexts
        {
            PlanTitle = "Plan the next session",
            MoveTitle = "Move the session",
            FormIntro = "Choose when and where {0} meets.",
            ChannelPromise = "The group gets a message in the channel.",
            NoChannel = "No channel is linked — only you see this.",
            DateLabel = "Date",
            TimeLabel = "Start time",
            LocationLabel = "Place",
            LocationPlaceholder = "e.g. room 12, Sint-Jozefscollege",
            OnlineUrlLabel = "Or online (meeting link)",
            Save = "Save",
            PickCommunity = "Which learning community do you want to plan a session for?",
            PlannedTitle = "✓ Session planned",
            MovedTitle = "✓ Session moved",
            CancelledTitle = "Session cancelled",
            Move = "Move",
            Cancel = "Cancel session",
            PlanAnother = "Plan a new session",
            JoinOnline = "Join online",
            FactCommunity = "Learning community",
            FactWhen = "When",
            FactWhere = "Where",
            Online = "online",
            AnnouncePlanned = "Next session of {0}",
            AnnounceMoved = "The session of {0} has moved",
            AnnounceCancelled = "The session of {0} on {1} is cancelled",
            AnnounceFooter = "Type 'next session' to find this again later.",
            DateAtTime = "{0} at {1}",
            CultureName = "en-GB",
            NextSession = "Next session of {0}: {1}, {2}.",
            NoNextSession = "No next session is planned for {0} yet.",
            NotInAnyCommunity = "You are not a member of a learning community yet.",
            NotACoach = "Only a coach can plan sessions, and you coach no learning community.",
            NotCoachOfThis = "Only the coach of this learning community can plan, move or cancel its sessions. Nothing was changed.",
            UnknownCommunity = "I don't know that learning community, or you may not plan its sessions. Nothing was changed.",
            UnknownSession = "I don't know that session, or you may not change it. Nothing was changed.",
            ChangedMeanwhile = "Someone changed this session in the meantime. Here is the latest version.",
            ErrorDateMissing = "Choose a date.",
            ErrorDateFormat = "I don't understand that date (use the date picker).",
            ErrorTimeMissing = "Choose a start time.",
            ErrorTimeFormat = "I don't understand that time; write it as 15:30.",
            ErrorInPast = "That date and time are in the past; choose a moment in the future.",
            ErrorTooFarAhead = "Plan at most a year ahead.",
            ErrorTimeDoesNotExist = "That time does not exist on that day (the clocks change); choose another time.",
            ErrorWhereMissing = "Fill in a place or an online link.",
            ErrorLocationTooLong = "The place is too long (at most 300 characters).",
            ErrorUrl = "The online link must be a full web address (https://…, at most 1000 characters).",
            ErrorDuration = "Choose a length between 1 and 4 hours.",
            DurationLabel = "Length",
            WarningTooClose = "Note: there is also a session on {0}, less than two weeks from this one. Sessions too close together leave little time to carry out agreements.",
            WarningTooShort = "Note: a session of {0} is shorter than the 2 to 3 hours a learning community needs to work something out together.",
            WarningTooLong = "Note: a session of {0} is longer than the advised 2 to 3 hours.",
            PlanCommand = "plan session",
            PlanWhat = "plan the next session",
            NextCommand = "next session",
            NextWhat = "when and where your next session is",
            ListTitle = "Planned sessions",
            ListNothingPlanned = "No session is planned yet.",
            ListCommand = "sessions",
            ListWhat = "all planned sessions; coaches can move or cancel them there",
            ConfirmCancelTitle = "Cancel the session of {0}?",
            ConfirmCancelWhat = "The group gets a message in the channel that the session is off. Open agreements due at it move on to the next session.",
            ConfirmCancelYes = "Yes, cancel it",
            ConfirmCancelNo = "No, go back",
            Back = "Back",
            SessionTitle = "Planned session",
            HeldTitle = "Session over",
            NowCancelled = "This session has been cancelled in the meantime.",
            NowHeld = "This session has taken place in the meantime.",
            NextTitle = "Next session",
        });
}
