using CommunityBot.Localization;
using CommunityBot.Teams.Cards;

namespace CommunityBot.Bot;

/// <summary>The bot's own cards: the welcome on install and the help overview. Both can switch language in place.</summary>
public static class BotCards
{
    public const string WelcomeCardName = "welcome";
    public const string HelpCardName = "help";

    public static AdaptiveCard Welcome(Language language, bool inTeam)
    {
        var texts = BotTexts.All.For(language);
        return new AdaptiveCard
        {
            Lang = language.CardLang(),
            FallbackText = texts.WelcomeTitle,
            Body =
            [
                new TextBlock(texts.WelcomeTitle) { Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true, Style = TextBlockStyle.Heading },
                new TextBlock(inTeam ? texts.WelcomeTeamIntro : texts.WelcomeIntro) { Wrap = true },
                new TextBlock(texts.WelcomePrivacy) { Wrap = true, IsSubtle = true, Size = TextSize.Small },
            ],
            Actions =
            [
                new ExecuteAction(texts.ShowHelp, BotVerbs.ShowHelp, new CardRef(WelcomeCardName, inTeam)),
                LanguageSwitch(language, texts, WelcomeCardName, inTeam),
            ],
        };
    }

    public static AdaptiveCard Help(Language language, IEnumerable<CommandHelp> commands, bool inTeam)
    {
        var texts = BotTexts.All.For(language);
        return new AdaptiveCard
        {
            Lang = language.CardLang(),
            FallbackText = texts.HelpTitle,
            Body =
            [
                new TextBlock(texts.HelpTitle) { Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true, Style = TextBlockStyle.Heading },
                new TextBlock(texts.HelpIntro) { Wrap = true },
                new FactSet { Facts = [.. commands.Select(c => new CardFact(c.Command, c.What))] },
                new TextBlock(texts.HelpFooter) { Wrap = true, IsSubtle = true, Size = TextSize.Small },
            ],
            Actions = [LanguageSwitch(language, texts, HelpCardName, inTeam)],
        };
    }

    private static ExecuteAction LanguageSwitch(Language current, BotTexts texts, string cardName, bool inTeam) =>
        new(texts.SwitchLanguage, BotVerbs.SetLanguage,
            new LanguageChoice((current == Language.English ? Language.Dutch : Language.English).Tag(), cardName, inTeam));
}

public static class BotVerbs
{
    public const string ShowHelp = "bot.help";
    public const string SetLanguage = "bot.language";
}

/// <summary>Card data: which of the bot's cards a button sits on, so the answer can redraw that card.</summary>
public sealed record CardRef(string Card, bool InTeam);

public sealed record LanguageChoice(string Language, string Card, bool InTeam);
