using System.Globalization;
using CommunityBot.Localization;

namespace CommunityBot.Limits;

/// <summary>What the bot answers to input beyond its limits.</summary>
public sealed record LimitTexts
{
    /// <summary>{0}: the limit in characters.</summary>
    public required string MessageTooLongFormat { get; init; }

    /// <summary>{0}: the field (<see cref="Comment"/>, …), {1}: its limit, {2}: the length typed.</summary>
    public required string TooLongFormat { get; init; }

    /// <summary>After <see cref="TooLongFormat"/> on a card, which Teams leaves with the typed text in its field.</summary>
    public required string KeptOnCard { get; init; }

    /// <summary>After <see cref="TooLongFormat"/> for a typed message.</summary>
    public required string SendShorter { get; init; }

    public required string Comment { get; init; }
    public required string Reason { get; init; }
    public required string Theme { get; init; }
    public required string Goals { get; init; }

    public string MessageTooLong(int limit, Language language) =>
        string.Format(language.Culture(), MessageTooLongFormat, Number(limit, language));

    public string TooLong(Func<LimitTexts, string> field, int limit, int length, Language language, bool onCard) =>
        string.Format(language.Culture(), TooLongFormat, field(this), Number(limit, language), Number(length, language))
        + " " + (onCard ? KeptOnCard : SendShorter);

    private static string Number(int value, Language language) => value.ToString("N0", language.Culture());

    public static readonly Localized<LimitTexts> All = new(
        new LimitTexts
        {
            MessageTooLongFormat = "Dit bericht is te lang voor mij (meer dan {0} tekens), dus ik heb er niets mee gedaan. Stuur een korter bericht, of typ 'help'.",
            TooLongFormat = "Te lang voor {0}: hoogstens {1} tekens, en je typte er {2}. Ik heb niets bewaard en niets veranderd.",
            KeptOnCard = "Maak je tekst korter; hij staat nog op de kaart.",
            SendShorter = "Stuur het bericht korter opnieuw.",
            Comment = "een opmerking",
            Reason = "een reden",
            Theme = "het thema",
            Goals = "de doelen",
        },
        new LimitTexts
        {
            MessageTooLongFormat = "This message is too long for me (more than {0} characters), so I did nothing with it. Please send a shorter one, or type 'help'.",
            TooLongFormat = "Too long for {0}: at most {1} characters, and you typed {2}. I saved nothing and changed nothing.",
            KeptOnCard = "Please shorten it; what you typed is still on the card.",
            SendShorter = "Please send the message again, shorter.",
            Comment = "a comment",
            Reason = "a reason",
            Theme = "the theme",
            Goals = "the goals",
        });
}
