using CommunityBot.Localization;

namespace CommunityBot.Bot;

/// <summary>What the bot says about itself: welcome, help, language, and the hint for text it does not understand.</summary>
public sealed record BotTexts
{
    public required string WelcomeTitle { get; init; }
    public required string WelcomeIntro { get; init; }
    public required string WelcomeTeamIntro { get; init; }
    public required string WelcomePrivacy { get; init; }
    public required string ShowHelp { get; init; }
    public required string SwitchLanguage { get; init; }
    public required string HelpTitle { get; init; }
    public required string HelpIntro { get; init; }
    public required string HelpFooter { get; init; }
    public required string LanguageChanged { get; init; }
    public required string LanguageUsage { get; init; }
    public required string UnknownText { get; init; }
    public required string UnknownAction { get; init; }
    public required string ActionTimedOut { get; init; }

    /// <summary>A button whose data cannot be read (forged, or from a broken client): nothing was changed.</summary>
    public required string MalformedAction { get; init; }

    /// <summary>A message or button press whose sender could not be told apart from the bot: nothing was done.</summary>
    public required string UnknownSender { get; init; }
    public required string HelpCommand { get; init; }
    public required string HelpWhat { get; init; }
    public required string LanguageCommand { get; init; }
    public required string LanguageWhat { get; init; }

    /// <summary>Shown on every answer while a developer acts as someone else; {0} is that person's name.</summary>
    public required string ActingAs { get; init; }

    public static readonly Localized<BotTexts> All = new(
        new BotTexts
        {
            WelcomeTitle = "Welkom bij CommunityBot",
            WelcomeIntro = "Ik volg jullie leergemeenschap op tussen de sessies: ik herinner je tijdig aan de afspraken die jullie samen maakten en bezorg de coach een overzicht voor elke sessie.",
            WelcomeTeamIntro = "Ik ben toegevoegd aan dit team. Ik houd de afspraken van de groep bij en stuur herinneringen in een persoonlijke chat.",
            WelcomePrivacy = "Ik bewaar alleen wat nodig is om jullie afspraken op te volgen. Met 'help' zie je wat ik kan.",
            ShowHelp = "Wat kan je?",
            SwitchLanguage = "Switch to English",
            HelpTitle = "Wat ik voor je kan doen",
            HelpIntro = "Typ een van deze opdrachten in de chat:",
            HelpFooter = "Herinneringen komen vanzelf; je hoeft niets te onthouden.",
            LanguageChanged = "Ik spreek vanaf nu Nederlands met je.",
            LanguageUsage = "Typ 'taal nl' voor Nederlands of 'taal en' voor Engels.",
            UnknownText = "Dat begrijp ik niet helemaal. Typ 'help' om te zien wat ik kan.",
            UnknownAction = "Deze knop werkt niet meer. Typ 'help' om verder te gaan.",
            ActionTimedOut = "Dat duurde te lang. Probeer het zo meteen nog eens.",
            MalformedAction = "Ik kon niet lezen wat deze knop stuurde, dus er is niets veranderd. Typ 'help' om verder te gaan.",
            UnknownSender = "Ik kon niet nagaan wie dit stuurde, dus er is niets veranderd.",
            HelpCommand = "help",
            HelpWhat = "dit overzicht",
            LanguageCommand = "taal en / taal nl",
            LanguageWhat = "spreek Engels of Nederlands met mij",
            ActingAs = "(als {0})",
        },
        new BotTexts
        {
            WelcomeTitle = "Welcome to CommunityBot",
            WelcomeIntro = "I follow up your learning community between sessions: I remind you in good time of the agreements you made together and give the coach an overview before every session.",
            WelcomeTeamIntro = "I was added to this team. I keep track of the group's agreements and send reminders in a personal chat.",
            WelcomePrivacy = "I keep only what is needed to follow up your agreements. Type 'help' to see what I can do.",
            ShowHelp = "What can you do?",
            SwitchLanguage = "Schakel naar Nederlands",
            HelpTitle = "What I can do for you",
            HelpIntro = "Type one of these commands in the chat:",
            HelpFooter = "Reminders come by themselves; there is nothing to remember.",
            LanguageChanged = "I will speak English with you from now on.",
            LanguageUsage = "Type 'language en' for English or 'language nl' for Dutch.",
            UnknownText = "I didn't quite get that. Type 'help' to see what I can do.",
            UnknownAction = "This button no longer works. Type 'help' to carry on.",
            ActionTimedOut = "That took too long. Please try again in a moment.",
            MalformedAction = "I couldn't read what this button sent, so nothing was changed. Type 'help' to carry on.",
            UnknownSender = "I couldn't tell who sent this, so nothing was changed.",
            HelpCommand = "help",
            HelpWhat = "this overview",
            LanguageCommand = "language nl / language en",
            LanguageWhat = "talk to me in Dutch or English",
            ActingAs = "(as {0})",
        });
}
