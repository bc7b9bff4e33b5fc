using CommunityBot.Localization;

namespace CommunityBot.Intervision;

public sealed record IntervisionTexts
{
    public required string PlanCommand { get; init; }
    public required string PlanWhat { get; init; }
    public required string GroupCommand { get; init; }
    public required string GroupWhat { get; init; }
    public required string PersonalChatOnly { get; init; }
    public required string LeadsNoGroup { get; init; }
    public required string ManagesNoGroup { get; init; }
    public required Func<string, string> AlreadyUnderWay { get; init; }
    public required Func<string, string> NoOrganizerEmail { get; init; }
    public required Func<string, string> AccessDenied { get; init; }
    public required Func<string, string> NoOrganizerMailbox { get; init; }
    /// <summary>(group, when the bot tries again) — the bot tries again itself, so the coach-the-coach need not.</summary>
    public required Func<string, string, string> CalendarThrottled { get; init; }
    public required Func<string, string, string> CalendarUnavailable { get; init; }
    public required Func<string, string, string, string> NoSlots { get; init; }
    public required Func<string, int, string, string, string> Proposed { get; init; }
    public required Func<string, string, string> Unreadable { get; init; }
    public required Func<UnreadableReason, string> UnreadableBecause { get; init; }
    public required Func<string, string> NoEmail { get; init; }
    public required Func<string, string> NotInTeams { get; init; }
    public required Func<string, string> VoteTitle { get; init; }
    public required Func<string, string, string> VoteIntro { get; init; }
    public required Func<string, string> Without { get; init; }
    public required string NobodyYet { get; init; }
    public required Func<int, int, string> VotedCount { get; init; }
    public required string YouVoted { get; init; }
    public required string Vote { get; init; }
    public required Func<string, string> ClosedAwaiting { get; init; }
    public required Func<string, string> BookedOn { get; init; }
    public required string CancelledNote { get; init; }
    public required string VoteClosed { get; init; }
    public required string UnknownSlot { get; init; }
    public required string UnknownProposal { get; init; }
    public required Func<string, string> ConfirmTitle { get; init; }
    public required string ConfirmAllVoted { get; init; }
    public required string ConfirmDeadlinePassed { get; init; }
    public required Func<int, string> Votes { get; init; }
    public required string PickLabel { get; init; }
    public required string Confirm { get; init; }
    public required string NotAwaitingConfirmation { get; init; }
    public required Func<string, string> Confirmed { get; init; }
    /// <summary>(when the bot tries again)</summary>
    public required Func<string, string> BookingRetried { get; init; }
    public required Func<string, string> BookedTitle { get; init; }
    public required string BookedInvite { get; init; }
    public required string Join { get; init; }
    public required string NoJoinUrl { get; init; }
    public required Func<string, string> MeetingSubject { get; init; }
    public required Func<string, string> MeetingBody { get; init; }
    public required Func<string, string> BookingDenied { get; init; }
    public required Func<string, string> GroupTitle { get; init; }
    public required Func<string, string> GroupIntro { get; init; }
    public required string CoachesLabel { get; init; }
    public required string CadenceLabel { get; init; }
    public required Func<int, string> EveryWeeks { get; init; }
    public required string DurationLabel { get; init; }
    public required Func<int, string> Minutes { get; init; }
    public required string DaysLabel { get; init; }
    public required string DayStartLabel { get; init; }
    public required string DayEndLabel { get; init; }
    public required string Save { get; init; }
    public required string Saved { get; init; }
    public required string UnknownGroup { get; init; }
    public required string ErrorCoaches { get; init; }
    public required string ErrorCadence { get; init; }
    public required string ErrorDuration { get; init; }
    public required string ErrorDays { get; init; }
    public required string ErrorHours { get; init; }
    public required string Move { get; init; }
    public required string MoveDateLabel { get; init; }
    public required string MoveTimeLabel { get; init; }
    public required string MoveConfirm { get; init; }
    public required string Cancel { get; init; }
    public required string CancelQuestion { get; init; }
    public required string CancelConfirm { get; init; }
    public required string CancelComment { get; init; }
    public required Func<string, string> MovedNote { get; init; }
    public required Func<string, string, string, string> CancelledMessage { get; init; }
    public required string CancelledDone { get; init; }
    public required string NotBooked { get; init; }
    public required string MoveInvalid { get; init; }
    public required string ChangeDenied { get; init; }
    public required string ChangeUnavailable { get; init; }
    public required string SlotPassed { get; init; }
    public required string BookingUnderWay { get; init; }

    public static readonly Localized<IntervisionTexts> All = new(
        new IntervisionTexts
        {
            PlanCommand = "intervisie plannen",
            PlanWhat = "een intervisie voorstellen: ik zoek momenten waarop iedereen vrij is en laat jullie stemmen",
            GroupCommand = "intervisiegroep",
            GroupWhat = "de intervisiegroep bekijken en aanpassen: coaches, ritme, duur, dagen en uren",
            PersonalChatOnly = "Intervisie regel je in een persoonlijk gesprek met mij, niet in een kanaal.",
            LeadsNoGroup = "Je bent van geen enkele intervisiegroep de coach-the-coach.",
            ManagesNoGroup = "Je beheert geen enkele intervisiegroep.",
            AlreadyUnderWay = group => $"{group}: er loopt al een stemming of boeking. Er is niets nieuws voorgesteld.",
            NoOrganizerEmail = group => $"{group}: ik ken jouw e-mailadres niet, dus ik kan geen agenda's lezen en geen vergadering in jouw agenda zetten. Vraag de beheerder om het in de import op te nemen. Er is niets voorgesteld.",
            AccessDenied = group => $"{group}: ik mag de agenda's niet lezen of schrijven. Een beheerder van Microsoft 365 moet de app de toepassingsmachtiging Calendars.ReadWrite voor Microsoft Graph geven (en, als de toegang tot postvakken beperkt is, deze postvakken toelaten). Is dat al zo, laat dan de aanmeldgegevens van de app nakijken. Er is niets voorgesteld.",
            NoOrganizerMailbox = group => $"{group}: Microsoft 365 vindt geen postvak bij jouw e-mailadres. Vraag de beheerder om het adres in de import na te kijken. Er is niets voorgesteld.",
            CalendarThrottled = (group, when) => $"{group}: Microsoft 365 vraagt me even minder te vragen. Er is niets voorgesteld; ik probeer het zelf opnieuw op {when} en laat je dan weten hoe het ging.",
            CalendarUnavailable = (group, when) => $"{group}: de agenda's zijn nu niet bereikbaar (Microsoft 365 antwoordt niet). Er is niets voorgesteld; ik probeer het zelf opnieuw op {when} en laat je dan weten hoe het ging.",
            NoSlots = (group, from, to) => $"{group}: tussen {from} en {to} vond ik geen moment waarop iedereen (of iedereen op één na) vrij is, binnen de werkuren en buiten de vakanties. Er is niets voorgesteld. Pas eventueel de dagen of uren aan met 'intervisiegroep'.",
            Proposed = (group, count, names, deadline) => $"{group}: {count} momenten voorgesteld aan {names}. Stemmen kan tot {deadline}; daarna krijg je een kaart om het moment te bevestigen.",
            Unreadable = (names, why) => $"De agenda van {names} kon ik niet lezen ({why}): of die momenten voor hen passen, is niet nagekeken.",
            UnreadableBecause = reason => reason switch
            {
                UnreadableReason.NoMailbox => "Microsoft 365 kent geen postvak met dat e-mailadres",
                UnreadableReason.NotAllowed => "de app mag die agenda niet lezen",
                UnreadableReason.NoAnswer => "Microsoft 365 gaf er geen antwoord over",
                _ => "Microsoft 365 gaf geen reden",
            },
            NoEmail = names => $"Van {names} ken ik geen e-mailadres: hun agenda is niet gelezen en ze krijgen geen uitnodiging in hun agenda.",
            NotInTeams = names => $"{names} kan ik in Teams niet bereiken (geen Teams-id in de import): ze krijgen geen stemkaart en geen kaart met de link. Laat het hen zelf weten, of vraag de beheerder om hen opnieuw te importeren met hun Teams-account.",
            VoteTitle = group => $"{group}: wanneer kan je?",
            VoteIntro = (deadline, ctc) => $"Vink voor de volgende intervisie alle momenten aan die voor jou passen. Stemmen kan tot {deadline}; daarna bevestigt {ctc} het moment.",
            Without = name => $"zonder {name}",
            NobodyYet = "nog niemand",
            VotedCount = (voted, total) => $"{voted} van {total} hebben gestemd.",
            YouVoted = "Je stem is opgeslagen. Je kan hem aanpassen zolang de stemming loopt.",
            Vote = "Stemmen",
            ClosedAwaiting = ctc => $"De stemming is gesloten. {ctc} bevestigt het moment.",
            BookedOn = when => $"Gepland: {when}. Wie een e-mailadres heeft, krijgt de uitnodiging in de agenda.",
            CancelledNote = "Deze intervisie is geannuleerd.",
            VoteClosed = "De stemming is al gesloten. Er is niets gewijzigd.",
            UnknownSlot = "Op deze kaart staat een moment dat niet bij dit voorstel hoort. Er is niets gewijzigd.",
            UnknownProposal = "Dat intervisievoorstel ken ik niet, of het is niet aan jou. Er is niets gewijzigd.",
            ConfirmTitle = group => $"{group}: bevestig het moment",
            ConfirmAllVoted = "Iedereen heeft gestemd. Het moment met de meeste stemmen (bij gelijkstand het vroegste) staat klaar; je kan ook een ander kiezen.",
            ConfirmDeadlinePassed = "De stemtermijn is voorbij. Het moment met de meeste stemmen (bij gelijkstand het vroegste) staat klaar; je kan ook een ander kiezen.",
            Votes = n => n == 1 ? "1 stem" : $"{n} stemmen",
            PickLabel = "Moment",
            Confirm = "Bevestigen en boeken",
            NotAwaitingConfirmation = "Dit voorstel wacht niet (meer) op bevestiging. Er is niets gewijzigd.",
            Confirmed = when => $"✓ Bevestigd: {when}. Iedereen krijgt de link; wie een e-mailadres heeft, ook de uitnodiging in de agenda.",
            BookingRetried = when => $"Het moment is bevestigd, maar de vergadering kon nog niet in de agenda's gezet worden. Er is nog niets geboekt; ik probeer het opnieuw om {when} en laat het iedereen weten.",
            BookedTitle = group => $"{group}: de intervisie is gepland",
            BookedInvite = "De Teams-vergadering staat in de agenda van iedereen met een e-mailadres.",
            Join = "Deelnemen",
            NoJoinUrl = "Teams gaf geen link om deel te nemen; gebruik de uitnodiging in je agenda.",
            MeetingSubject = group => group.Contains("intervis", StringComparison.OrdinalIgnoreCase) ? group : $"Intervisie {group}",
            MeetingBody = names => $"Intervisie tussen procescoaches, gepland met CommunityBot. Deelnemers: {names}.",
            BookingDenied = group => $"{group}: ik mag de vergadering niet in jouw agenda zetten. Een beheerder van Microsoft 365 moet de app de toepassingsmachtiging Calendars.ReadWrite voor Microsoft Graph geven (en jouw postvak toelaten als de toegang beperkt is). Ik probeer het opnieuw.",
            GroupTitle = group => $"Intervisiegroep {group}",
            GroupIntro = ctc => $"Coach-the-coach: {ctc}. Ik stel een intervisie voor op het ritme hieronder, binnen deze dagen en uren.",
            CoachesLabel = "Procescoaches",
            CadenceLabel = "Ritme",
            EveryWeeks = n => $"om de {n} weken",
            DurationLabel = "Duur",
            Minutes = n => n % 60 == 0 ? $"{n / 60} uur" : n > 60 ? $"{n / 60} uur {n % 60}" : $"{n} minuten",
            DaysLabel = "Dagen",
            DayStartLabel = "Vanaf",
            DayEndLabel = "Tot",
            Save = "Opslaan",
            Saved = "✓ Opgeslagen.",
            UnknownGroup = "Die intervisiegroep ken ik niet, of je mag ze niet aanpassen. Er is niets gewijzigd.",
            ErrorCoaches = "Kies procescoaches uit de lijst.",
            ErrorCadence = "Kies om de hoeveel weken (4 tot 12).",
            ErrorDuration = "Kies een duur uit de lijst.",
            ErrorDays = "Kies minstens één dag.",
            ErrorHours = "Kies een begin vóór het einde, lang genoeg voor de duur.",
            Move = "Verplaatsen",
            MoveDateLabel = "Nieuwe datum",
            MoveTimeLabel = "Nieuw beginuur",
            MoveConfirm = "Verplaatsen en iedereen verwittigen",
            Cancel = "Annuleren",
            CancelQuestion = "De vergadering wordt geannuleerd: wie een e-mailadres heeft, krijgt een annulering in de agenda, en iedereen krijgt bericht.",
            CancelConfirm = "Ja, annuleren",
            CancelComment = "Deze intervisie is geannuleerd.",
            MovedNote = when => $"Verplaatst naar {when}.",
            CancelledMessage = (group, when, ctc) => $"{group}: de intervisie van {when} is geannuleerd door {ctc}. Heb je de uitnodiging gekregen, dan krijg je ook een annulering in je agenda.",
            CancelledDone = "✓ Geannuleerd. Iedereen krijgt bericht.",
            NotBooked = "Deze intervisie is niet (meer) gepland. Er is niets gewijzigd.",
            MoveInvalid = "Kies een datum en uur in de toekomst. Er is niets gewijzigd.",
            ChangeDenied = "Ik mag de vergadering in jouw agenda niet aanpassen: een beheerder van Microsoft 365 moet de app de toepassingsmachtiging Calendars.ReadWrite voor Microsoft Graph geven. Er is niets gewijzigd.",
            ChangeUnavailable = "De agenda is nu niet bereikbaar. Probeer het straks opnieuw. Er is niets gewijzigd.",
            SlotPassed = "Dat moment is voorbij of begint binnen het uur: kies een ander. Er is niets geboekt.",
            BookingUnderWay = "Het moment is bevestigd en wordt nu geboekt. Iedereen krijgt bericht zodra het in de agenda staat.",
        },
        new IntervisionTexts
        {
            PlanCommand = "plan intervision",
            PlanWhat = "propose an intervision: I look for times when everyone is free and let you vote",
            GroupCommand = "intervision group",
            GroupWhat = "see and change the intervision group: coaches, rhythm, length, days and hours",
            PersonalChatOnly = "Intervision is arranged in a personal chat with me, not in a channel.",
            LeadsNoGroup = "You are not the coach-the-coach of any intervision group.",
            ManagesNoGroup = "You don't manage any intervision group.",
            AlreadyUnderWay = group => $"{group}: a vote or booking is already under way. Nothing new was proposed.",
            NoOrganizerEmail = group => $"{group}: I don't know your e-mail address, so I can neither read calendars nor put a meeting in yours. Ask the admin to include it in the import. Nothing was proposed.",
            AccessDenied = group => $"{group}: I am not allowed to read or write the calendars. A Microsoft 365 admin must grant the app the Microsoft Graph application permission Calendars.ReadWrite (and, when mailbox access is restricted, allow these mailboxes). If that is done, have the app's sign-in details checked. Nothing was proposed.",
            NoOrganizerMailbox = group => $"{group}: Microsoft 365 finds no mailbox at your e-mail address. Ask the admin to check the address in the import. Nothing was proposed.",
            CalendarThrottled = (group, when) => $"{group}: Microsoft 365 is asking me to slow down. Nothing was proposed; I will try again myself on {when} and let you know how it went.",
            CalendarUnavailable = (group, when) => $"{group}: the calendars cannot be reached now (Microsoft 365 does not answer). Nothing was proposed; I will try again myself on {when} and let you know how it went.",
            NoSlots = (group, from, to) => $"{group}: between {from} and {to} I found no time when everyone (or everyone but one) is free, within working hours and outside holidays. Nothing was proposed. You may change the days or hours with 'intervision group'.",
            Proposed = (group, count, names, deadline) => $"{group}: {count} times proposed to {names}. Voting is open until {deadline}; then you get a card to confirm the time.",
            Unreadable = (names, why) => $"I could not read the calendar of {names} ({why}): whether these times suit them was not checked.",
            UnreadableBecause = reason => reason switch
            {
                UnreadableReason.NoMailbox => "Microsoft 365 knows no mailbox at that address",
                UnreadableReason.NotAllowed => "the app may not read that calendar",
                UnreadableReason.NoAnswer => "Microsoft 365 gave no answer for it",
                _ => "Microsoft 365 gave no reason",
            },
            NoEmail = names => $"I know no e-mail address for {names}: their calendar was not read and they get no invitation in their calendar.",
            NotInTeams = names => $"I cannot reach {names} in Teams (no Teams id in the import): they get no vote card and no card with the link. Tell them yourself, or ask the admin to import them again with their Teams account.",
            VoteTitle = group => $"{group}: when can you make it?",
            VoteIntro = (deadline, ctc) => $"Tick every time that suits you for the next intervision. Voting is open until {deadline}; then {ctc} confirms the time.",
            Without = name => $"without {name}",
            NobodyYet = "nobody yet",
            VotedCount = (voted, total) => $"{voted} of {total} have voted.",
            YouVoted = "Your vote is saved. You can change it while the vote is open.",
            Vote = "Vote",
            ClosedAwaiting = ctc => $"The vote is closed. {ctc} confirms the time.",
            BookedOn = when => $"Planned: {when}. Everyone with an e-mail address gets the invitation in their calendar.",
            CancelledNote = "This intervision was cancelled.",
            VoteClosed = "The vote is already closed. Nothing was changed.",
            UnknownSlot = "This card names a time that does not belong to this proposal. Nothing was changed.",
            UnknownProposal = "I don't know that intervision proposal, or it isn't yours. Nothing was changed.",
            ConfirmTitle = group => $"{group}: confirm the time",
            ConfirmAllVoted = "Everyone has voted. The time with the most votes (the earliest on a tie) is selected; you can also pick another.",
            ConfirmDeadlinePassed = "The voting period has passed. The time with the most votes (the earliest on a tie) is selected; you can also pick another.",
            Votes = n => n == 1 ? "1 vote" : $"{n} votes",
            PickLabel = "Time",
            Confirm = "Confirm and book",
            NotAwaitingConfirmation = "This proposal is not (or no longer) waiting for confirmation. Nothing was changed.",
            Confirmed = when => $"✓ Confirmed: {when}. Everyone gets the link; those with an e-mail address also get the invitation in their calendar.",
            BookingRetried = when => $"The time is confirmed, but the meeting could not be put in the calendars yet. Nothing is booked yet; I will try again at {when} and tell everyone.",
            BookedTitle = group => $"{group}: the intervision is planned",
            BookedInvite = "The Teams meeting is in the calendar of everyone with an e-mail address.",
            Join = "Join",
            NoJoinUrl = "Teams gave no link to join; use the invitation in your calendar.",
            MeetingSubject = group => group.Contains("intervis", StringComparison.OrdinalIgnoreCase) ? group : $"Intervision {group}",
            MeetingBody = names => $"Intervision between process coaches, planned with CommunityBot. Participants: {names}.",
            BookingDenied = group => $"{group}: I am not allowed to put the meeting in your calendar. A Microsoft 365 admin must grant the app the Microsoft Graph application permission Calendars.ReadWrite (and allow your mailbox when access is restricted). I will try again.",
            GroupTitle = group => $"Intervision group {group}",
            GroupIntro = ctc => $"Coach-the-coach: {ctc}. I propose an intervision at the rhythm below, within these days and hours.",
            CoachesLabel = "Process coaches",
            CadenceLabel = "Rhythm",
            EveryWeeks = n => $"every {n} weeks",
            DurationLabel = "Length",
            Minutes = n => n % 60 == 0 ? (n == 60 ? "1 hour" : $"{n / 60} hours") : n > 60 ? $"{n / 60} h {n % 60} min" : $"{n} minutes",
            DaysLabel = "Days",
            DayStartLabel = "From",
            DayEndLabel = "Until",
            Save = "Save",
            Saved = "✓ Saved.",
            UnknownGroup = "I don't know that intervision group, or it isn't yours to change. Nothing was changed.",
            ErrorCoaches = "Choose process coaches from the list.",
            ErrorCadence = "Choose how often, in weeks (4 to 12).",
            ErrorDuration = "Choose a length from the list.",
            ErrorDays = "Choose at least one day.",
            ErrorHours = "Choose a start before the end, long enough for the length.",
            Move = "Move",
            MoveDateLabel = "New date",
            MoveTimeLabel = "New start time",
            MoveConfirm = "Move and tell everyone",
            Cancel = "Cancel",
            CancelQuestion = "The meeting is cancelled: those with an e-mail address get a cancellation in their calendar, and everyone is told.",
            CancelConfirm = "Yes, cancel",
            CancelComment = "This intervision is cancelled.",
            MovedNote = when => $"Moved to {when}.",
            CancelledMessage = (group, when, ctc) => $"{group}: the intervision of {when} was cancelled by {ctc}. If you had the invitation, you also get a cancellation in your calendar.",
            CancelledDone = "✓ Cancelled. Everyone is told.",
            NotBooked = "This intervision is not (or no longer) planned. Nothing was changed.",
            MoveInvalid = "Choose a date and time in the future. Nothing was changed.",
            ChangeDenied = "I am not allowed to change the meeting in your calendar: a Microsoft 365 admin must grant the app the Microsoft Graph application permission Calendars.ReadWrite. Nothing was changed.",
            ChangeUnavailable = "The calendar cannot be reached now. Please try again shortly. Nothing was changed.",
            SlotPassed = "That time has passed or starts within the hour: choose another. Nothing was booked.",
            BookingUnderWay = "The time is confirmed and being booked now. Everyone is told once it is in the calendar.",
        });
}
