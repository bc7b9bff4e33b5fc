using CommunityBot.Localization;

namespace CommunityBot.Agreements;

/// <summary>What the bot says to <c>klaar</c> / <c>done</c> typed in the chat and to "ik heb het artikel gelezen".</summary>
public sealed record TypedDoneTexts
{
    public required string Command { get; init; }
    public required string What { get; init; }
    public required string Example { get; init; }

    /// <summary>{0} is the agreement's text.</summary>
    public required string MarkedDone { get; init; }
    public required string WhichOne { get; init; }

    /// <summary>{0} is the agreement's text.</summary>
    public required string OfferDone { get; init; }
    public required string DoneButton { get; init; }

    public static readonly Localized<TypedDoneTexts> All = new(
        new TypedDoneTexts
        {
            Command = "klaar [nummer]",
            What = "net na een herinnering: die afspraak is klaar (met een nummer bij meerdere)",
            Example = "klaar 2",
            MarkedDone = "✓ Gemarkeerd als klaar: {0}",
            WhichOne = "Welke afspraak is klaar?",
            OfferDone = "Markeer als klaar: {0}?",
            DoneButton = "✓ Klaar",
        },
        new TypedDoneTexts
        {
            Command = "done [number]",
            What = "right after a reminder: that agreement is done (with a number when there are several)",
            Example = "done 2",
            MarkedDone = "✓ Marked as done: {0}",
            WhichOne = "Which agreement is done?",
            OfferDone = "Mark as done: {0}?",
            DoneButton = "✓ Done",
        });
}
