using CommunityBot.Localization;
using CommunityBot.Teams.Cards;

namespace CommunityBot.Bot.Understanding;

/// <summary>A command the bot offers on a button: the trigger to run and its arguments (what the person would type).</summary>
public sealed record CommandChoice(string Trigger, string Arguments)
{
    /// <summary>What the button says: exactly what the person could have typed.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string AsTyped => Arguments.Length == 0 ? Trigger : $"{Trigger} {Arguments}";
}

/// <summary>The cards of guessing: "did you mean …?", "not understood, try …", and the greeting; one button per command.</summary>
public static class UnderstandingCards
{
    public const string ChooseVerb = "bot.didyoumean";

    public static AdaptiveCard DidYouMean(IReadOnlyList<CommandChoice> choices, Language language)
    {
        var texts = UnderstandingTexts.All.For(language);
        return Choices(language, texts.DidYouMean, [], choices);
    }

    public static AdaptiveCard NotUnderstood(IReadOnlyList<CommandChoice> choices, Language language)
    {
        var texts = UnderstandingTexts.All.For(language);
        return Choices(language, texts.NotUnderstood, [texts.TryThese], choices, texts.TypeHelp);
    }

    public static AdaptiveCard Greeting(string title, IReadOnlyList<CommandChoice> choices, Language language)
    {
        var texts = UnderstandingTexts.All.For(language);
        return Choices(language, title, [texts.WhatNow], choices);
    }

    /// <summary>What a choice card becomes once a button ran its command: which one, without buttons to press twice.</summary>
    public static AdaptiveCard Chosen(CommandChoice choice, Language language)
    {
        var texts = UnderstandingTexts.All.For(language);
        // Only the known trigger: the arguments are the presser's words, which a forged press could put on a shared card.
        var line = string.Format(texts.Chosen, choice.Trigger);
        return new AdaptiveCard
        {
            Lang = language.CardLang(),
            FallbackText = line,
            Body = [new TextBlock(line) { Wrap = true, IsSubtle = true }],
        };
    }

    /// <summary>One button per row: three commands side by side do not fit a phone, and a cut-off command teaches nothing.</summary>
    private static AdaptiveCard Choices(Language language, string title, IReadOnlyList<string> lines, IReadOnlyList<CommandChoice> choices, string? footer = null)
    {
        var body = new List<CardElement> { new TextBlock(title) { Weight = TextWeight.Bolder, Wrap = true } };
        body.AddRange(lines.Select(l => new TextBlock(l) { Wrap = true }));
        body.AddRange(choices.Select(c => new ActionSet { Actions = [new ExecuteAction(c.AsTyped, ChooseVerb, c)] }));
        if (footer is not null)
        {
            body.Add(new TextBlock(footer) { Wrap = true, IsSubtle = true, Size = TextSize.Small });
        }
        return new AdaptiveCard
        {
            Lang = language.CardLang(),
            FallbackText = title,
            Body = body,
        };
    }
}
