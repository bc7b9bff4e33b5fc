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

    /// <summary>
    /// The commands this person can use here, grouped by what they do. Each command stands on a line of its own that
    /// never wraps (a command broken mid-phrase on a phone is not recognisable as something to type), with what it
    /// does and an example below it.
    /// </summary>
    /// <param name="inCommunity">False for someone not in any community yet: the card says how that changes.</param>
    public static AdaptiveCard Help(Language language, IEnumerable<CommandHelp> commands, bool inTeam, bool inCommunity = true)
    {
        var texts = BotTexts.All.For(language);
        var help = HelpTexts.All.For(language);
        List<CardElement> body =
        [
            new TextBlock(texts.HelpTitle) { Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true, Style = TextBlockStyle.Heading },
            new TextBlock(texts.HelpIntro) { Wrap = true },
        ];
        var kindsShown = false;
        foreach (var group in commands.GroupBy(c => c.Topic).OrderBy(g => g.Key))
        {
            body.Add(new TextBlock(help.Heading(group.Key)) { Weight = TextWeight.Bolder, Color = TextColor.Accent, Wrap = true, Separator = true, Spacing = Spacing.Medium });
            body.AddRange(group.Select(c => CommandLine(c, help)));
            // The kinds are named once, where agreements are first met: a member answers them, a coach records them.
            if (!kindsShown && group.Key is CommandTopic.Agreements or CommandTopic.Coaching)
            {
                body.Add(Kinds(language, help));
                kindsShown = true;
            }
        }
        if (!inCommunity)
        {
            body.Add(new TextBlock(help.NoCommunity) { Wrap = true, Separator = true, Spacing = Spacing.Medium });
        }
        body.Add(new TextBlock(texts.HelpFooter) { Wrap = true, IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.Medium });
        return new AdaptiveCard
        {
            Lang = language.CardLang(),
            FallbackText = texts.HelpTitle,
            Body = body,
            Actions = [LanguageSwitch(language, texts, HelpCardName, inTeam)],
        };
    }

    private static Container CommandLine(CommandHelp command, HelpTexts help)
    {
        List<CardElement> items =
        [
            new TextBlock(command.Command) { Weight = TextWeight.Bolder, Wrap = false },
            new TextBlock(command.What) { Wrap = true, Spacing = Spacing.None },
        ];
        if (command.Example is { } example && example != command.Command)
        {
            items.Add(new TextBlock(help.Example(example)) { IsSubtle = true, Size = TextSize.Small, Wrap = true, Spacing = Spacing.None });
        }
        return new Container { Items = items, Spacing = Spacing.Small };
    }

    private static Container Kinds(Language language, HelpTexts help)
    {
        var agreements = Agreements.AgreementTexts.All.For(language);
        return new Container
        {
            Spacing = Spacing.Small,
            Items =
            [
                new TextBlock(help.KindsTitle) { Wrap = true, IsSubtle = true },
                .. Enum.GetValues<Agreements.AgreementKind>().Select(kind => new RichTextBlock
                {
                    Spacing = Spacing.None,
                    Inlines = [new TextRun(agreements.Kind(kind)) { Weight = TextWeight.Bolder }, new TextRun($" – {agreements.KindHint(kind)}")],
                }),
            ],
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
