using CommunityBot.Localization;
using CommunityBot.Teams.Cards;
using CommunityBot.Limits;

namespace CommunityBot.Agreements;

/// <summary>Button data of a help thread: the message (history row) being answered, and its agreement. Both are re-checked.</summary>
public sealed record HelpData(long AgreementId, long ChangeId);

/// <summary>One message of a help thread as its cards show it: who said it, their words (none when they only asked).</summary>
public sealed record HelpMessage(long AgreementId, string AgreementText, string CommunityName, long ChangeId, string From, string? Words);

/// <summary>
/// The cards of a help thread: the coach's (an owner asks help or answers back, with "Antwoorden"), the owner's (the
/// coach's reply, with one answer back or "Klaar"), and what either becomes once answered ("✓ Verstuurd naar …").
/// </summary>
public static class HelpCards
{
    public const string ReplyInputId = "reply";

    /// <summary>For the coach: <paramref name="asked"/> when it is the help request itself, otherwise the owner's answer back.</summary>
    public static AdaptiveCard ForCoach(HelpMessage message, bool asked, string fallback, Language language)
    {
        var texts = HelpTexts.All.For(language);
        var title = Heading(message, asked ? AgreementChangeKind.Answer : AgreementChangeKind.HelpAnswer, language);
        return Card(title, fallback, language, [.. Thread(message, texts), .. ReplyInput(message.From, texts, once: false)],
            [new ExecuteAction(texts.Reply, AgreementVerbs.Help, new HelpData(message.AgreementId, message.ChangeId)) { Style = ActionStyle.Positive }]);
    }

    /// <summary>For the owner: the coach's reply, one answer back, or "Klaar" (their own done, as on a reminder).</summary>
    public static AdaptiveCard ForOwner(HelpMessage reply, Language language)
    {
        var texts = HelpTexts.All.For(language);
        var agreementTexts = AgreementTexts.All.For(language);
        return Card(Heading(reply, AgreementChangeKind.HelpReply, language), texts.ReplyFallback(reply.From, reply.AgreementText, reply.Words ?? ""), language,
            [.. Thread(reply, texts), .. ReplyInput(reply.From, texts, once: true)],
            [
                new ExecuteAction(texts.Reply, AgreementVerbs.Help, new HelpData(reply.AgreementId, reply.ChangeId)) { Style = ActionStyle.Positive },
                new ExecuteAction(agreementTexts.Status(AgreementStatus.Done), AgreementVerbs.Answer,
                    new AnswerData(reply.AgreementId, AgreementAnswers.Done, AgreementCardViews.Reminder)) { AssociatedInputs = AssociatedInputs.None },
            ]);
    }

    /// <summary>
    /// In place of the answered card: its heading and the message, then <paramref name="outcome"/> ("✓ Verstuurd naar
    /// Megan", or who answered first) with the words sent.
    /// </summary>
    public static AdaptiveCard Answered(HelpMessage answered, string heading, string outcome, string words, Language language)
    {
        var texts = HelpTexts.All.For(language);
        List<CardElement> body = [.. Thread(answered, texts)];
        body.Add(new TextBlock(outcome) { Weight = TextWeight.Bolder, Color = TextColor.Good, Wrap = true, Separator = true, Spacing = Spacing.Medium });
        body.Add(Quote(words));
        return Card(heading, outcome, language, body, null);
    }

    /// <summary>The heading of the card a message was shown on, to keep it when the card is redrawn.</summary>
    public static string Heading(HelpMessage message, AgreementChangeKind kind, Language language)
    {
        var texts = HelpTexts.All.For(language);
        return kind switch
        {
            AgreementChangeKind.HelpReply => texts.ReplyTitle(message.From),
            AgreementChangeKind.HelpAnswer => texts.AnsweredTitle(message.From),
            _ => texts.AskedTitle(message.From),
        };
    }

    /// <summary>The agreement, its community and the words of the message answered.</summary>
    private static IEnumerable<CardElement> Thread(HelpMessage message, HelpTexts texts)
    {
        yield return new FactSet
        {
            Facts = [new CardFact(texts.AgreementLabel, message.AgreementText), new CardFact(texts.CommunityLabel, message.CommunityName)],
        };
        if (message.Words is { Length: > 0 } words)
        {
            yield return Quote(words);
        }
    }

    private static IEnumerable<CardElement> ReplyInput(string to, HelpTexts texts, bool once)
    {
        if (once)
        {
            yield return new TextBlock(texts.OnceNote) { Wrap = true, IsSubtle = true, Size = TextSize.Small };
        }
        yield return new TextInput
        {
            Id = ReplyInputId,
            Label = texts.YourReplyTo(to),
            Placeholder = texts.ReplyPlaceholder,
            IsMultiline = true,
            MaxLength = TextLimits.Comment,
        };
    }

    private static Container Quote(string words) =>
        new() { Style = ContainerStyle.Emphasis, Items = [new TextBlock($"“{words}”") { Wrap = true }] };

    private static AdaptiveCard Card(string title, string fallback, Language language, IList<CardElement> body, IList<CardAction>? actions) => new()
    {
        Lang = language.CardLang(),
        FallbackText = fallback,
        Body = [new TextBlock(title) { Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true, Style = TextBlockStyle.Heading }, .. body],
        Actions = actions,
    };
}
