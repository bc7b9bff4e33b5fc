using System.Globalization;
using CommunityBot.Localization;

namespace CommunityBot.Limits;

/// <summary>What the bot answers to input beyond its limits.</summary>
public sealed record LimitTexts
{
    /// <summary>{0}: the limit in characters.</summary>
    public required string MessageTooLongFormat { get; init; }

    public string MessageTooLong(int limit, Language language) =>
        string.Format(language.Culture(), MessageTooLongFormat, limit.ToString("N0", language.Culture()));

    public static readonly Localized<LimitTexts> All = new(
        new LimitTexts
        {
            MessageTooLongFormat = "Dit bericht is te lang voor mij (meer dan {0} tekens), dus ik heb er niets mee gedaan. Stuur een korter bericht, of typ 'help'.",
        },
        new LimitTexts
        {
            MessageTooLongFormat = "This message is too long for me (more than {0} characters), so I did nothing with it. Please send a shorter one, or type 'help'.",
        });
}
