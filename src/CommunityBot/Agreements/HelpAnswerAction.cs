using CommunityBot.Bot;
using CommunityBot.Limits;
using CommunityBot.Teams.Cards;

namespace CommunityBot.Agreements;

/// <summary>
/// <c>agreement.help</c>: "Antwoorden" on a help-thread card. The card becomes "✓ Verstuurd naar Megan" with the words
/// sent; an empty answer or a message that is not the actor's to answer changes nothing.
/// </summary>
internal sealed class HelpAnswerAction(HelpThread thread, TurnState state) : CardActionHandler<HelpData>
{
    public override string Verb => AgreementVerbs.Help;

    protected override async Task<CardActionResult> HandleAsync(CardActionContext context, HelpData data, CancellationToken ct)
    {
        var texts = HelpTexts.All.For(state.Language);
        var words = context.Input(HelpCards.ReplyInputId);
        if (TextLimits.RefuseOnCard(words, TextLimits.Comment, t => t.Comment, state.Language) is { } tooLong)
        {
            return tooLong;
        }
        var result = await thread.AnswerAsync(state.RequirePerson(), data, words, ct);
        return result.Outcome switch
        {
            HelpOutcome.Sent or HelpOutcome.AlreadyAnswered => CardActionResult.UpdateCard(HelpCards.Answered(
                result.Message!, HelpCards.Heading(result.Message!, result.Kind, state.Language),
                result.ByActor ? texts.SentTo(result.To!) : texts.AnsweredBy(result.By!), result.Words ?? "", state.Language)),
            HelpOutcome.ReplyMissing => CardActionResult.Refuse(texts.ReplyMissing),
            _ => CardActionResult.Refuse(texts.NotFound),
        };
    }
}
