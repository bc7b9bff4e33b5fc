using CommunityBot.Localization;
using CommunityBot.Limits;

namespace CommunityBot.Agreements;

/// <summary>Everything the agreements feature says, in Dutch (nl-BE) and English.</summary>
public sealed record AgreementTexts
{
    public required Func<AgreementKind, string> Kind { get; init; }
    public required Func<AgreementKind, string> KindHint { get; init; }
    public required Func<AgreementStatus, string> Status { get; init; }

    public required Func<string, string> RecordTitle { get; init; }
    public required Func<string, string> RecordIntroAfterSession { get; init; }
    public required string RecordIntroNoSession { get; init; }
    public required string KindLabel { get; init; }
    public required string TextLabel { get; init; }
    public required string TextPlaceholder { get; init; }
    public required string OwnersLabel { get; init; }
    public required string DependantsLabel { get; init; }
    public required string DueLabel { get; init; }
    public required string WholeGroup { get; init; }
    public required string NextSessionNotPlanned { get; init; }
    public required string AddAgreement { get; init; }
    public required string RecordedSoFar { get; init; }
    public required Func<string, string> Recorded { get; init; }
    public required string SummaryUpdated { get; init; }
    public required string TextRequired { get; init; }

    /// <summary>A text over <see cref="TextLimits.AgreementText"/>: the card's field stops there, so only a forged card or the typed shorthand gets this.</summary>
    public required string TextTooLong { get; init; }
    public required string OwnersRequired { get; init; }
    public required string OnlyCoachRecords { get; init; }
    public required string NotACoach { get; init; }
    public required string ShortSyntaxUsage { get; init; }
    public required Func<string, string> UnknownNames { get; init; }
    public required Func<string, string> WhichCommunity { get; init; }
    public required Func<string, string, string> RecordedByText { get; init; }

    public required Func<string, string> SummaryTitle { get; init; }
    public required string SummaryTitleNoSession { get; init; }
    public required Func<string, string> SummaryDueAt { get; init; }
    public required string SummaryDueNotPlanned { get; init; }
    public required string WhoLabel { get; init; }
    public required string DependsLabel { get; init; }
    public required string SummaryFooter { get; init; }

    public required Func<AgreementKind, string> ReminderTitle { get; init; }
    public required string SessionLabel { get; init; }
    public required string StatusLabel { get; init; }
    public required string YourStatusLabel { get; init; }
    public required string GroupLabel { get; init; }
    public required Func<int, int, string> GroupDone { get; init; }

    /// <summary>
    /// How an agreement stands, as a coach reads it: for several owners the count, and whether help is asked or (for
    /// all who have not finished) it won't work out — never just "won't make it" when most of the group is done.
    /// </summary>
    public string ForCoach(AgreementView agreement) =>
        !agreement.Shared || agreement.Status is AgreementStatus.Done or AgreementStatus.Dropped ? Status(agreement.Status)
        : agreement.Status == AgreementStatus.Open ? GroupDone(agreement.DoneCount, agreement.Answers.Count)
        : $"{GroupDone(agreement.DoneCount, agreement.Answers.Count)} – {Status(agreement.Status)}";
    public required string Done { get; init; }
    public required string NeedHelp { get; init; }
    public required string WontMakeIt { get; init; }
    public required string WontMakeItWhoHears { get; init; }
    public required string TellGroup { get; init; }
    public required string OnlyCoach { get; init; }
    public required string WontMakeItNoChannel { get; init; }
    public required string TellCoach { get; init; }
    public required string HelpCommentLabel { get; init; }
    public required string HelpCommentPlaceholder { get; init; }
    public required string SendHelpRequest { get; init; }
    public required Func<string, string, string> AnsweredBy { get; init; }
    public required string ReminderDependsNudge { get; init; }
    public required Func<string, string> AfterHoliday { get; init; }
    public required string Online { get; init; }

    public required string AgreementGone { get; init; }
    public required string AlreadyClosed { get; init; }
    public required string OnlyOwnAnswer { get; init; }
    public required Func<string, string> ReadyForDependant { get; init; }
    public required Func<string, string, string?, string> CoachHelpAlert { get; init; }
    public required Func<string, string, string> GroupWontMakeIt { get; init; }
    public required Func<string, string, string> CoachWontMakeItNoChannel { get; init; }
    public required Func<string, string, string> CoachWontMakeItOnlyCoach { get; init; }

    public required string MyTitle { get; init; }
    public required string MyNone { get; init; }

    public required string RecordCommand { get; init; }
    public required string RecordWhat { get; init; }
    public required string ShortCommand { get; init; }
    public required string ShortWhat { get; init; }
    public required string MyCommand { get; init; }
    public required string MyWhat { get; init; }

    /// <summary>The confirmation after recording; mentions the channel only when a summary was posted there.</summary>
    public string Confirmation(string recorded, bool summaryPosted) => summaryPosted ? $"{recorded} {SummaryUpdated}" : recorded;

    public static readonly Localized<AgreementTexts> All = new(
        new AgreementTexts
        {
            Kind = kind => kind switch
            {
                AgreementKind.Finish => "Afwerken",
                AgreementKind.Review => "Kritisch bespreken",
                _ => "Materiaal aanbrengen",
            },
            KindHint = kind => kind switch
            {
                AgreementKind.Finish => "iets afwerken tegen de volgende sessie",
                AgreementKind.Review => "materiaal dat de groep volgende keer bespreekt (vooraf lezen)",
                _ => "ondersteunend materiaal dat iemand meebrengt of deelt",
            },
            Status = status => status switch
            {
                AgreementStatus.Open => "Open",
                AgreementStatus.Done => "✓ Klaar",
                AgreementStatus.NeedHelp => "Hulp gevraagd",
                AgreementStatus.WontMakeIt => "Lukt niet",
                _ => "Geschrapt",
            },
            RecordTitle = community => $"Afspraken noteren – {community}",
            RecordIntroAfterSession = day => $"Wat spraken jullie af op de sessie van {day}? Noteer ze één voor één.",
            RecordIntroNoSession = "Wat spraken jullie af? Noteer de afspraken één voor één.",
            KindLabel = "Soort afspraak",
            TextLabel = "Wat is er afgesproken?",
            TextPlaceholder = "bv. lesvoorbereiding hoofdstuk 3 afwerken",
            OwnersLabel = "Wie doet het?",
            DependantsLabel = "Wie rekent erop? (optioneel)",
            DueLabel = "Tegen",
            WholeGroup = "De hele groep",
            NextSessionNotPlanned = "De volgende sessie (nog niet gepland)",
            AddAgreement = "Afspraak toevoegen",
            RecordedSoFar = "Al genoteerd",
            Recorded = text => $"Genoteerd: {text}.",
            SummaryUpdated = "Het overzicht in het kanaal is bijgewerkt.",
            TextRequired = "Vul in wat er afgesproken is.",
            TextTooLong = $"Een afspraak is hoogstens {TextLimits.AgreementText} tekens lang, dus ik heb niets bewaard. Maak ze korter.",
            OwnersRequired = "Kies wie het doet.",
            OnlyCoachRecords = "Alleen de coach van deze leergemeenschap kan afspraken noteren.",
            NotACoach = "Je bent (nog) geen coach van een leergemeenschap, dus je kan geen afspraken noteren.",
            ShortSyntaxUsage = "Zo noteer je snel een afspraak: 'afspraak afwerken @Megan @Adele: lesvoorbereiding H3 afwerken' of 'afspraak bespreken @iedereen: artikel Hattie lezen'. Soorten: afwerken, bespreken, aanbrengen. Wie erop rekent zet je erachter met 'voor': 'afspraak aanbrengen @Megan voor @Adele: oefenbundel delen'. Een andere sessie dan de volgende kies je met 'tegen': 'afspraak afwerken @Megan tegen 12/3: toets maken'.",
            UnknownNames = names => $"Ik vind {names} niet in de groep. Gebruik de voornaam of de volledige naam, of @iedereen.",
            WhichCommunity = communities => $"Je coacht meer dan één leergemeenschap waarvoor deze afspraak kan gelden: {communities}. Welke bedoel je? Typ de afspraak in het kanaal van die leergemeenschap (en vermeld de bot), of gebruik 'afspraken noteren' voor een kaart per leergemeenschap. Er is nog niets genoteerd.",
            RecordedByText = (kind, text) => $"Genoteerd ({kind}): {text}.",
            SummaryTitle = day => $"Afspraken van de sessie van {day}",
            SummaryTitleNoSession = "Afspraken van de groep",
            SummaryDueAt = day => $"Tegen de volgende sessie: {day}.",
            SummaryDueNotPlanned = "Tegen de volgende sessie (de datum volgt).",
            WhoLabel = "Wie",
            DependsLabel = "Wie rekent erop",
            SummaryFooter = "Iedereen krijgt een herinnering vóór de sessie en kan met één tik laten weten hoe het staat.",
            ReminderTitle = kind => kind switch
            {
                AgreementKind.Finish => "Herinnering: iets af te werken",
                AgreementKind.Review => "Herinnering: vooraf lezen voor de bespreking",
                _ => "Herinnering: materiaal aan te brengen",
            },
            SessionLabel = "Sessie",
            StatusLabel = "Stand van zaken",
            YourStatusLabel = "Jouw stand van zaken",
            GroupLabel = "De groep",
            GroupDone = (done, total) => $"{done} van {total} klaar",
            Done = "✓ Klaar",
            NeedHelp = "Ik heb hulp nodig",
            WontMakeIt = "Lukt niet",
            WontMakeItWhoHears = "Wie mag het weten? Met 'Zeg het de groep' krijgt de groep een bericht in het kanaal, met je naam. Met 'Alleen de coach' hoort alleen de coach het.",
            TellGroup = "Zeg het de groep",
            OnlyCoach = "Alleen de coach",
            WontMakeItNoChannel = "Deze leergemeenschap heeft geen kanaal: alleen de coach krijgt een bericht.",
            TellCoach = "Laat het de coach weten",
            HelpCommentLabel = "Waarmee kan de coach helpen? (optioneel)",
            HelpCommentPlaceholder = "bv. ik vind het artikel niet",
            SendHelpRequest = "Vraag hulp",
            AnsweredBy = (name, when) => $"Aangeduid door {name} op {when}.",
            ReminderDependsNudge = "Je collega's rekenen hierop. Laat met één tik weten hoe het staat.",
            AfterHoliday = when => $"Na de vakantie komen jullie samen op {when}.",
            Online = "online",
            AgreementGone = "Deze afspraak bestaat niet meer, of ze is niet aan jou. Er is niets veranderd.",
            AlreadyClosed = "Deze afspraak is al afgesloten.",
            OnlyOwnAnswer = "Hulp vragen of laten weten dat het niet lukt, doet ieder voor zichzelf. Als coach kan je de afspraak wel voor iedereen als klaar aanduiden. Er is niets veranderd.",
            ReadyForDependant = text => $"'{text}' is klaar: je kan erop verder bouwen.",
            CoachHelpAlert = (name, text, comment) => comment is null
                ? $"{name} vraagt hulp bij de afspraak '{text}'."
                : $"{name} vraagt hulp bij de afspraak '{text}': {comment}",
            GroupWontMakeIt = (name, text) => $"{name} laat weten dat '{text}' niet lukt tegen de volgende sessie. Zo weet de groep het op voorhand.",
            CoachWontMakeItNoChannel = (name, text) => $"{name} laat weten dat '{text}' niet lukt tegen de volgende sessie. De leergemeenschap heeft geen kanaal, dus de groep kreeg dit bericht niet.",
            CoachWontMakeItOnlyCoach = (name, text) => $"{name} laat weten dat '{text}' niet lukt tegen de volgende sessie. Dit bericht is alleen voor jou: de groep kreeg geen bericht.",
            MyTitle = "Mijn afspraken",
            MyNone = "Je hebt geen open afspraken.",
            RecordCommand = "afspraken noteren",
            RecordWhat = "een kaart om afspraken van de sessie te noteren",
            ShortCommand = "afspraak <soort> @wie: wat",
            ShortWhat = "snel een afspraak noteren; 'voor @wie' zegt wie erop rekent, 'tegen 12/3' tegen welke sessie, @iedereen is de hele groep",
            MyCommand = "mijn afspraken",
            MyWhat = "je open afspraken, met knoppen om te antwoorden",
        },
        new AgreementTexts
        {
            Kind = kind => kind switch
            {
                AgreementKind.Finish => "Finish",
                AgreementKind.Review => "Review",
                _ => "Provide material",
            },
            KindHint = kind => kind switch
            {
                AgreementKind.Finish => "something to finish before the next session",
                AgreementKind.Review => "material the group discusses next time (read it beforehand)",
                _ => "supporting material someone brings or shares",
            },
            Status = status => status switch
            {
                AgreementStatus.Open => "Open",
                AgreementStatus.Done => "✓ Done",
                AgreementStatus.NeedHelp => "Help asked",
                AgreementStatus.WontMakeIt => "Won't make it",
                _ => "Dropped",
            },
            RecordTitle = community => $"Record agreements – {community}",
            RecordIntroAfterSession = day => $"What did you agree on at the session of {day}? Record them one by one.",
            RecordIntroNoSession = "What did you agree on? Record the agreements one by one.",
            KindLabel = "Kind of agreement",
            TextLabel = "What was agreed?",
            TextPlaceholder = "e.g. finish the lesson plan for chapter 3",
            OwnersLabel = "Who does it?",
            DependantsLabel = "Who depends on it? (optional)",
            DueLabel = "Due",
            WholeGroup = "The whole group",
            NextSessionNotPlanned = "The next session (not planned yet)",
            AddAgreement = "Add agreement",
            RecordedSoFar = "Recorded so far",
            Recorded = text => $"Recorded: {text}.",
            SummaryUpdated = "The summary in the channel is updated.",
            TextRequired = "Fill in what was agreed.",
            TextTooLong = $"An agreement is at most {TextLimits.AgreementText} characters long, so I saved nothing. Please make it shorter.",
            OwnersRequired = "Choose who does it.",
            OnlyCoachRecords = "Only the coach of this learning community can record agreements.",
            NotACoach = "You are not (yet) the coach of a learning community, so you cannot record agreements.",
            ShortSyntaxUsage = "To record an agreement quickly: 'agreement finish @Megan @Adele: finish the chapter 3 lesson plan' or 'agreement review @all: read the Hattie article'. Kinds: finish, review, provide. Add who depends on it with 'for': 'agreement provide @Megan for @Adele: share the exercise booklet'. Choose another session than the next with 'by': 'agreement finish @Megan by 12 March: write the test'.",
            UnknownNames = names => $"I cannot find {names} in the group. Use the first name or the full name, or @all.",
            WhichCommunity = communities => $"You coach more than one learning community this agreement could be for: {communities}. Which one do you mean? Type the agreement in that community's channel (mentioning the bot), or use 'record agreements' for a card per community. Nothing was recorded yet.",
            RecordedByText = (kind, text) => $"Recorded ({kind}): {text}.",
            SummaryTitle = day => $"Agreements from the session of {day}",
            SummaryTitleNoSession = "The group's agreements",
            SummaryDueAt = day => $"Due at the next session: {day}.",
            SummaryDueNotPlanned = "Due at the next session (date to follow).",
            WhoLabel = "Who",
            DependsLabel = "Who depends on it",
            SummaryFooter = "Everyone gets a reminder before the session and can say in one tap how it is going.",
            ReminderTitle = kind => kind switch
            {
                AgreementKind.Finish => "Reminder: something to finish",
                AgreementKind.Review => "Reminder: read before the discussion",
                _ => "Reminder: material to provide",
            },
            SessionLabel = "Session",
            StatusLabel = "Status",
            YourStatusLabel = "Your status",
            GroupLabel = "The group",
            GroupDone = (done, total) => $"{done} of {total} done",
            Done = "✓ Done",
            NeedHelp = "I need help",
            WontMakeIt = "Won't make it",
            WontMakeItWhoHears = "Who should know? With 'Tell the group' the group will be told in the channel, with your name. With 'Only the coach' only the coach hears it.",
            TellGroup = "Tell the group",
            OnlyCoach = "Only the coach",
            WontMakeItNoChannel = "This learning community has no channel: only the coach will be told.",
            TellCoach = "Tell the coach",
            HelpCommentLabel = "What can the coach help with? (optional)",
            HelpCommentPlaceholder = "e.g. I cannot find the article",
            SendHelpRequest = "Ask for help",
            AnsweredBy = (name, when) => $"Marked by {name} on {when}.",
            ReminderDependsNudge = "Your colleagues depend on this. Let them know in one tap how it is going.",
            AfterHoliday = when => $"After the holiday you meet on {when}.",
            Online = "online",
            AgreementGone = "This agreement no longer exists, or it isn't yours. Nothing was changed.",
            AlreadyClosed = "This agreement is already closed.",
            OnlyOwnAnswer = "Asking for help or saying it won't work out is for each owner to say for themselves. As coach you can mark the agreement done for everyone. Nothing was changed.",
            ReadyForDependant = text => $"'{text}' is done: you can build on it.",
            CoachHelpAlert = (name, text, comment) => comment is null
                ? $"{name} asks for help with the agreement '{text}'."
                : $"{name} asks for help with the agreement '{text}': {comment}",
            GroupWontMakeIt = (name, text) => $"{name} lets you know that '{text}' won't be ready by the next session, so the group knows in advance.",
            CoachWontMakeItNoChannel = (name, text) => $"{name} lets you know that '{text}' won't be ready by the next session. The community has no channel, so the group did not get this message.",
            CoachWontMakeItOnlyCoach = (name, text) => $"{name} lets you know that '{text}' won't be ready by the next session. This is for you only: the group was not told.",
            MyTitle = "My agreements",
            MyNone = "You have no open agreements.",
            RecordCommand = "record agreements",
            RecordWhat = "a card to record the session's agreements",
            ShortCommand = "agreement <kind> @who: what",
            ShortWhat = "record an agreement quickly; 'for @who' says who relies on it, 'by 12 March' for which session, @all is the whole group",
            MyCommand = "my agreements",
            MyWhat = "your open agreements, with buttons to answer",
        });
}
