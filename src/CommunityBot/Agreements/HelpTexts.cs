using CommunityBot.Localization;

namespace CommunityBot.Agreements;

/// <summary>What the help-thread cards say. Names are display names; texts are the agreement's and the people's own words.</summary>
public sealed record HelpTexts
{
    /// <summary>{name}: the coach's card when an owner asks help.</summary>
    public required Func<string, string> AskedTitle { get; init; }

    /// <summary>{name}: the coach's card when the owner answers a reply.</summary>
    public required Func<string, string> AnsweredTitle { get; init; }

    /// <summary>{coach}: the owner's card with the coach's reply.</summary>
    public required Func<string, string> ReplyTitle { get; init; }
    public required string AgreementLabel { get; init; }
    public required string CommunityLabel { get; init; }

    /// <summary>{name}: the label of the reply field.</summary>
    public required Func<string, string> YourReplyTo { get; init; }
    public required string ReplyPlaceholder { get; init; }
    public required string OnceNote { get; init; }
    public required string Reply { get; init; }
    public required string MarkDone { get; init; }
    public required string ReplyMissing { get; init; }

    /// <summary>{name}: the card in place of the one that was answered.</summary>
    public required Func<string, string> SentTo { get; init; }

    /// <summary>{author}: someone answered this message first (another coach, or the same person on another device).</summary>
    public required Func<string, string> AnsweredBy { get; init; }
    public required string NotFound { get; init; }

    /// <summary>{coach}, {agreement}, {words}: the fallback text of the owner's card.</summary>
    public required Func<string, string, string, string> ReplyFallback { get; init; }

    /// <summary>{owner}, {agreement}, {words}: the fallback text of the coach's card after an answer back.</summary>
    public required Func<string, string, string, string> AnsweredFallback { get; init; }

    public static readonly Localized<HelpTexts> All = new(
        new HelpTexts
        {
            AskedTitle = name => $"{name} heeft hulp nodig",
            AnsweredTitle = name => $"{name} antwoordt",
            ReplyTitle = coach => $"{coach} antwoordt op je hulpvraag",
            AgreementLabel = "Afspraak",
            CommunityLabel = "Leergemeenschap",
            YourReplyTo = name => $"Jouw antwoord aan {name}",
            ReplyPlaceholder = "Alleen de ontvanger leest dit.",
            OnceNote = "Je kan één keer antwoorden.",
            Reply = "Antwoorden",
            MarkDone = "✓ Klaar",
            ReplyMissing = "Schrijf eerst je antwoord. Er is niets verstuurd.",
            SentTo = name => $"✓ Verstuurd naar {name}",
            AnsweredBy = author => $"{author} heeft hier al op geantwoord",
            NotFound = "Dat bericht of die afspraak vind ik niet. Er is niets verstuurd.",
            ReplyFallback = (coach, agreement, words) => $"{coach} antwoordt op je hulpvraag bij '{agreement}': {words}",
            AnsweredFallback = (owner, agreement, words) => $"{owner} antwoordt over '{agreement}': {words}",
        },
        new HelpTexts
        {
            AskedTitle = name => $"{name} needs help",
            AnsweredTitle = name => $"{name} answers",
            ReplyTitle = coach => $"{coach} answers your request for help",
            AgreementLabel = "Agreement",
            CommunityLabel = "Learning community",
            YourReplyTo = name => $"Your answer to {name}",
            ReplyPlaceholder = "Only they will read this.",
            OnceNote = "You can answer once.",
            Reply = "Answer",
            MarkDone = "✓ Done",
            ReplyMissing = "Write your answer first. Nothing was sent.",
            SentTo = name => $"✓ Sent to {name}",
            AnsweredBy = author => $"{author} has already answered this",
            NotFound = "I can't find that message or agreement. Nothing was sent.",
            ReplyFallback = (coach, agreement, words) => $"{coach} answers your request for help with '{agreement}': {words}",
            AnsweredFallback = (owner, agreement, words) => $"{owner} answers about '{agreement}': {words}",
        });
}
