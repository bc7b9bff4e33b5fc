using CommunityBot.Localization;

namespace CommunityBot.Bot.Understanding;

/// <summary>What the bot says when it guesses, greets, or does not understand.</summary>
public sealed record UnderstandingTexts
{
    public required string DidYouMean { get; init; }
    public required string NotUnderstood { get; init; }
    public required string TryThese { get; init; }
    public required string TypeHelp { get; init; }

    /// <summary>{0} is a space and the person's first name, or nothing when the bot does not know it.</summary>
    public required string Hello { get; init; }
    public required string YoureWelcome { get; init; }
    public required string WhatNow { get; init; }

    /// <summary>On a choice card once a button was pressed; {0} is what it ran.</summary>
    public required string Chosen { get; init; }

    public static readonly Localized<UnderstandingTexts> All = new(
        new UnderstandingTexts
        {
            DidYouMean = "Bedoelde je …?",
            NotUnderstood = "Dat begrijp ik niet helemaal.",
            TryThese = "Bedoelde je misschien een van deze?",
            TypeHelp = "Typ 'help' om alles te zien wat ik kan.",
            Hello = "Hallo{0}! 👋",
            YoureWelcome = "Graag gedaan! 🙂",
            WhatNow = "Dit kan je nu doen:",
            Chosen = "✓ {0}",
        },
        new UnderstandingTexts
        {
            DidYouMean = "Did you mean …?",
            NotUnderstood = "I didn't quite get that.",
            TryThese = "Did you perhaps mean one of these?",
            TypeHelp = "Type 'help' to see everything I can do.",
            Hello = "Hello{0}! 👋",
            YoureWelcome = "You're welcome! 🙂",
            WhatNow = "Here is what you can do now:",
            Chosen = "✓ {0}",
        });
}
