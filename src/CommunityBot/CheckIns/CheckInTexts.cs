using CommunityBot.Localization;

namespace CommunityBot.CheckIns;

public sealed record CheckInTexts
{
    public required Func<string, string> FormTitle { get; init; }
    public required string Voluntary { get; init; }
    public required Func<int, string> WhoSeesWhat { get; init; }
    public required Func<string, string> OpenUntil { get; init; }
    public required string ChoosePlaceholder { get; init; }
    public required string AnswerRequired { get; init; }
    public required string CommentLabel { get; init; }
    public required string Send { get; init; }
    public required Func<string, string> ThanksTitle { get; init; }
    public required string OnlyYouSee { get; init; }
    public required string YourAnswers { get; init; }
    public required Func<string, string> Previous { get; init; }
    public required string ThisTime { get; init; }
    public required string LastTime { get; init; }
    public required string ChartTitle { get; init; }
    public required string Change { get; init; }
    public required Func<string, string> ChangeUntil { get; init; }
    public required string Closed { get; init; }
    public required string NotAMember { get; init; }
    public required string Unknown { get; init; }
    public required string Invalid { get; init; }
    public required Func<string, string> MineTitle { get; init; }
    public required string MineNone { get; init; }
    public required string TrendTitle { get; init; }
    public required string NoCommunity { get; init; }
    public required string MineCommand { get; init; }
    public required string MineWhat { get; init; }
    public required string PersonalChatOnly { get; init; }
    public required Func<string, string> DevOpened { get; init; }
    public required Func<string, string> DevOpenedNotMember { get; init; }
    public required string DevCommand { get; init; }
    public required string DevWhat { get; init; }
    public required Func<string, string, string> Reminder { get; init; }

    public static readonly Localized<CheckInTexts> All = new(
        new CheckInTexts
        {
            FormTitle = community => $"Check-in {community}",
            Voluntary = "Eén minuut over hoe je de samenwerking in deze groep ervaart. Invullen is vrijwillig en anoniem.",
            WhoSeesWhat = k => $"Wat de coach ziet: per thema het gemiddelde en de spreiding van de groep en het aantal antwoorden, pas als minstens {k} leden antwoordden, en opmerkingen zonder naam in willekeurige volgorde. Wat niemand ziet: wie antwoordde en wat jij antwoordde. Schoolleiders zien alleen gemiddelden, nooit opmerkingen.",
            OpenUntil = day => $"Open tot {day}. Je kunt je antwoorden tot dan aanpassen.",
            ChoosePlaceholder = "Kies…",
            AnswerRequired = "Kies een antwoord.",
            CommentLabel = "Opmerking voor de coach (mag leeg blijven; zonder naam)",
            Send = "Versturen",
            ThanksTitle = community => $"Bedankt voor je check-in bij {community}",
            OnlyYouSee = "Dit overzicht van je eigen antwoorden zie alleen jij.",
            YourAnswers = "Jouw antwoorden",
            Previous = value => $"vorige keer {value}",
            ThisTime = "Deze check-in",
            LastTime = "Vorige check-in",
            ChartTitle = "Jouw beeld per thema (1–5, hoger is beter)",
            Change = "Antwoorden aanpassen",
            ChangeUntil = day => $"Aanpassen kan tot {day}.",
            Closed = "Deze check-in is afgesloten; antwoorden of aanpassen kan niet meer. Bij de volgende check-in krijg je een nieuwe kaart.",
            NotAMember = "Alleen actieve leden van deze gemeenschap vullen haar check-in in. Er is niets bewaard.",
            Unknown = "Deze check-in ken ik niet. Er is niets bewaard.",
            Invalid = "Deze antwoorden kan ik niet lezen: kies bij elke uitspraak een antwoord van 1 tot 5. Er is niets bewaard.",
            MineTitle = community => $"Mijn check-ins: {community}",
            MineNone = "Je hebt hier nog geen check-in ingevuld.",
            TrendTitle = "Jouw beeld per thema over de check-ins heen",
            NoCommunity = "Je bent van geen enkele gemeenschap lid, dus je hebt geen check-ins.",
            MineCommand = "mijn check-ins",
            MineWhat = "je eigen antwoorden op de check-ins en hoe ze evolueren (alleen jij ziet ze)",
            PersonalChatOnly = "Check-ins zijn persoonlijk: vraag ze in een persoonlijk gesprek met mij, niet in het kanaal.",
            DevOpened = community => $"Er staat een check-in open voor {community}; hier is je kaart.",
            DevOpenedNotMember = community => $"Er staat een check-in open voor {community}. Alleen leden vullen hem in: speel een leraar ('act as Megan') en typ opnieuw 'check-in nu'.",
            DevCommand = "check-in nu",
            DevWhat = "open nu een check-in voor je gemeenschap en stuur jezelf de kaart",
            Reminder = (community, day) => $"Nog niet ingevuld? De check-in van {community} staat open tot {day}. Eén minuut, vrijwillig en anoniem: je vindt de kaart hierboven.",
        },
        new CheckInTexts
        {
            FormTitle = community => $"Check-in {community}",
            Voluntary = "One minute on how you experience working together in this group. Answering is voluntary and anonymous.",
            WhoSeesWhat = k => $"What the coach sees: per theme the group's average and spread and the number of answers, only once at least {k} members answered, and comments without names in random order. What nobody sees: who answered and what you answered. School leaders see averages only, never comments.",
            OpenUntil = day => $"Open until {day}. You can change your answers until then.",
            ChoosePlaceholder = "Choose…",
            AnswerRequired = "Choose an answer.",
            CommentLabel = "A comment for the coach (optional; without your name)",
            Send = "Send",
            ThanksTitle = community => $"Thank you for your check-in for {community}",
            OnlyYouSee = "Only you see this overview of your own answers.",
            YourAnswers = "Your answers",
            Previous = value => $"last time {value}",
            ThisTime = "This check-in",
            LastTime = "Previous check-in",
            ChartTitle = "Your view per theme (1–5, higher is better)",
            Change = "Change answers",
            ChangeUntil = day => $"You can change them until {day}.",
            Closed = "This check-in has closed; answering or changing is no longer possible. You will get a new card at the next check-in.",
            NotAMember = "Only active members of this community answer its check-in. Nothing was saved.",
            Unknown = "I don't know this check-in. Nothing was saved.",
            Invalid = "I can't read these answers: choose an answer from 1 to 5 for every statement. Nothing was saved.",
            MineTitle = community => $"My check-ins: {community}",
            MineNone = "You have not answered a check-in here yet.",
            TrendTitle = "Your view per theme across the check-ins",
            NoCommunity = "You are not a member of any community, so you have no check-ins.",
            MineCommand = "my check-ins",
            MineWhat = "your own check-in answers and how they change (only you see them)",
            PersonalChatOnly = "Check-ins are personal: ask for them in a personal chat with me, not in the channel.",
            DevOpened = community => $"A check-in is open for {community}; here is your card.",
            DevOpenedNotMember = community => $"A check-in is open for {community}. Only members answer it: play a teacher ('act as Megan') and type 'run check-in now' again.",
            DevCommand = "run check-in now",
            DevWhat = "open a check-in for your community now and send yourself the card",
            Reminder = (community, day) => $"Not answered yet? The check-in of {community} is open until {day}. One minute, voluntary and anonymous: you will find the card above.",
        });
}
