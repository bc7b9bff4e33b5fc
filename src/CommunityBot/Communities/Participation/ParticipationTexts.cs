using CommunityBot.Localization;

namespace CommunityBot.Communities.Participation;

/// <summary>Everything pause, back and leave say. The member hears it; only the coach is told; the group never.</summary>
public sealed record ParticipationTexts
{
    public required string PauseCommand { get; init; }
    public required string PauseWhat { get; init; }
    public required string BackCommand { get; init; }
    public required string BackWhat { get; init; }
    public required string LeaveCommand { get; init; }
    public required string LeaveWhat { get; init; }

    /// <summary>{0} communities, {1} last day, {2} first day back.</summary>
    public required string PausedUntil { get; init; }

    /// <summary>{0} communities.</summary>
    public required string PausedOpen { get; init; }

    public required string ReasonKept { get; init; }
    public required string DateNotUnderstood { get; init; }
    public required string DateInPast { get; init; }
    public required string OnlyInPersonalChat { get; init; }
    public required string NotInAnyCommunity { get; init; }

    /// <summary>{0} communities.</summary>
    public required string Back { get; init; }

    public required string NotPaused { get; init; }

    /// <summary>{0} member, {1} community, {2} last day.</summary>
    public required string CoachPausedUntil { get; init; }

    /// <summary>{0} member, {1} community.</summary>
    public required string CoachPausedOpen { get; init; }

    /// <summary>{0} reason.</summary>
    public required string CoachReason { get; init; }

    public required string CoachGroupNotTold { get; init; }

    /// <summary>{0} member, {1} community.</summary>
    public required string CoachBack { get; init; }

    /// <summary>{0} community.</summary>
    public required string LeaveTitle { get; init; }

    public required IReadOnlyList<string> LeaveWhatHappens { get; init; }

    /// <summary>{0} community.</summary>
    public required string ConfirmLeave { get; init; }

    /// <summary>{0} community.</summary>
    public required string HasLeft { get; init; }

    /// <summary>{0} community.</summary>
    public required string LastCoachCannotLeave { get; init; }

    public required string NotAMember { get; init; }

    /// <summary>{0} the person's communities.</summary>
    public required string WhichCommunity { get; init; }

    /// <summary>{0} member, {1} community.</summary>
    public required string CoachLeft { get; init; }

    /// <summary>{0} the agreements' texts.</summary>
    public required string CoachReassign { get; init; }

    public required string LeaveButton { get; init; }
    public required string PausedLabel { get; init; }

    /// <summary>{0} last day.</summary>
    public required string PausedThrough { get; init; }

    public required string PausedUntilBack { get; init; }

    public static readonly Localized<ParticipationTexts> All = new(
        new ParticipationTexts
        {
            PauseCommand = "pauze [tot 15/3] [reden]",
            PauseWhat = "even geen herinneringen of check-ins (bv. bij ziekte); alleen je coach hoort het, met je reden als je die geeft",
            BackCommand = "terug",
            BackWhat = "je pauze stoppen: herinneringen lopen weer",
            LeaveCommand = "verlaat <gemeenschap>",
            LeaveWhat = "een leergemeenschap verlaten; je ziet eerst wat er gebeurt",
            PausedUntil = "Genoteerd: je pauzeert in {0} tot en met {1}. Tot dan krijg je geen herinneringen of check-ins; vanaf {2} loopt alles vanzelf weer. Alleen je coach weet het; de groep krijgt geen bericht.",
            PausedOpen = "Genoteerd: je pauzeert in {0} tot je 'terug' typt. Tot dan krijg je geen herinneringen of check-ins. Alleen je coach weet het; de groep krijgt geen bericht.",
            ReasonKept = "Je reden gaat alleen naar je coach.",
            DateNotUnderstood = "Ik begreep de datum niet, dus er is niets veranderd. Typ bijvoorbeeld 'pauze tot 15/3', 'pauze tot 15 maart' of gewoon 'pauze'.",
            DateInPast = "Die datum is al voorbij, dus er is niets veranderd. Typ bijvoorbeeld 'pauze tot 15/3' of gewoon 'pauze'.",
            OnlyInPersonalChat = "Pauzeren en een gemeenschap verlaten regel je in een 1-op-1-gesprek met mij, zodat het tussen jou en je coach blijft. Er is niets veranderd.",
            NotInAnyCommunity = "Je bent geen lid van een leergemeenschap, dus er is niets veranderd.",
            Back = "Welkom terug in {0}. Je herinneringen lopen weer.",
            NotPaused = "Je had geen pauze lopen; er is niets veranderd.",
            CoachPausedUntil = "{0} pauzeert in {1} tot en met {2}: geen herinneringen of check-ins tot dan.",
            CoachPausedOpen = "{0} pauzeert in {1}, zonder einddatum: geen herinneringen of check-ins tot {0} 'terug' typt.",
            CoachReason = "Reden: {0}.",
            CoachGroupNotTold = "De groep krijgt hierover geen bericht.",
            CoachBack = "{0} is terug in {1}; herinneringen lopen weer.",
            LeaveTitle = "{0} verlaten?",
            LeaveWhatHappens =
            [
                "Je krijgt geen herinneringen of check-ins meer van deze gemeenschap.",
                "Je open afspraken gaan naar de coach, die ze opnieuw verdeelt.",
                "De groep krijgt geen bericht; alleen de coach hoort het, 1-op-1.",
                "Later terugkomen kan: vraag het aan je coach.",
            ],
            ConfirmLeave = "Ja, verlaat {0}",
            HasLeft = "Je hebt {0} verlaten. Bedankt voor je inzet; je bent altijd welkom terug.",
            LastCoachCannotLeave = "Je bent de enige procescoach van {0}. Maak eerst iemand anders procescoach (typ 'gemeenschap' en kies 'Rollen beheren'); er is niets veranderd.",
            NotAMember = "Je bent geen lid (meer) van die gemeenschap; er is niets veranderd.",
            WhichCommunity = "Welke gemeenschap wil je verlaten? Typ 'verlaat' en de naam: {0}.",
            CoachLeft = "{0} heeft {1} verlaten. De groep kreeg geen bericht.",
            CoachReassign = "Deze afspraken hebben een nieuwe eigenaar nodig: {0}.",
            LeaveButton = "Gemeenschap verlaten",
            PausedLabel = "Gepauzeerd (alleen coaches zien dit)",
            PausedThrough = "t/m {0}",
            PausedUntilBack = "tot ze 'terug' typen",
        },
        new ParticipationTexts
        {
            PauseCommand = "pause [until 15 March] [reason]",
            PauseWhat = "no reminders or check-ins for a while (e.g. sick leave); only your coach hears, with your reason if you give one",
            BackCommand = "back",
            BackWhat = "end your pause: reminders start again",
            LeaveCommand = "leave <community>",
            LeaveWhat = "leave a learning community; you first see what happens",
            PausedUntil = "Noted: you are pausing in {0} until {1}, that day included. Until then you get no reminders or check-ins; from {2} everything starts again by itself. Only your coach knows; the group is not told.",
            PausedOpen = "Noted: you are pausing in {0} until you type 'back'. Until then you get no reminders or check-ins. Only your coach knows; the group is not told.",
            ReasonKept = "Your reason goes only to your coach.",
            DateNotUnderstood = "I didn't understand the date, so nothing was changed. Type e.g. 'pause until 15/3', 'pause until 15 March' or just 'pause'.",
            DateInPast = "That date has passed, so nothing was changed. Type e.g. 'pause until 15/3' or just 'pause'.",
            OnlyInPersonalChat = "Pausing and leaving a community happen in a one-to-one chat with me, so they stay between you and your coach. Nothing was changed.",
            NotInAnyCommunity = "You are not a member of a learning community, so nothing was changed.",
            Back = "Welcome back in {0}. Your reminders start again.",
            NotPaused = "You had no pause running; nothing was changed.",
            CoachPausedUntil = "{0} is pausing in {1} until {2}, that day included: no reminders or check-ins until then.",
            CoachPausedOpen = "{0} is pausing in {1} without an end date: no reminders or check-ins until {0} types 'back'.",
            CoachReason = "Reason: {0}.",
            CoachGroupNotTold = "The group is not told about this.",
            CoachBack = "{0} is back in {1}; reminders start again.",
            LeaveTitle = "Leave {0}?",
            LeaveWhatHappens =
            [
                "You get no more reminders or check-ins from this community.",
                "Your open agreements go to the coach, who re-assigns them.",
                "The group is not told; only the coach hears, one-to-one.",
                "You can come back later: ask your coach.",
            ],
            ConfirmLeave = "Yes, leave {0}",
            HasLeft = "You have left {0}. Thank you for taking part; you are always welcome back.",
            LastCoachCannotLeave = "You are the only process coach of {0}. Make someone else process coach first (type 'community' and choose 'Manage roles'); nothing was changed.",
            NotAMember = "You are not (or no longer) a member of that community; nothing was changed.",
            WhichCommunity = "Which community do you want to leave? Type 'leave' and its name: {0}.",
            CoachLeft = "{0} has left {1}. The group was not told.",
            CoachReassign = "These agreements need a new owner: {0}.",
            LeaveButton = "Leave community",
            PausedLabel = "Paused (only coaches see this)",
            PausedThrough = "until {0}",
            PausedUntilBack = "until they type 'back'",
        });
}
