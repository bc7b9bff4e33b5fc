using CommunityBot.Bot;
using CommunityBot.Limits;
using CommunityBot.Teams.Cards;

namespace CommunityBot.CheckIns;

/// <summary><c>checkin.answer</c>: stores the answers under the member's pseudonym and turns the form into the thank-you card.</summary>
internal sealed class AnswerCheckInAction(CheckInBook book, TurnState state, TimeProvider clock) : CardActionHandler<CheckInData>
{
    public override string Verb => CheckInVerbs.Answer;

    protected override async Task<CardActionResult> HandleAsync(CardActionContext context, CheckInData data, CancellationToken ct)
    {
        var texts = CheckInTexts.All.For(state.Language);
        var answers = CheckInInputs.Answers(context);
        var comment = CheckInInputs.Comment(context, out var readable);
        if (answers is null || !readable)
        {
            return CardActionResult.Refuse(texts.Invalid);
        }
        if (TextLimits.RefuseOnCard(comment, TextLimits.CheckInComment, t => t.Comment, state.Language) is { } tooLong)
        {
            return tooLong;
        }
        var result = await book.AnswerAsync(state.RequirePerson(), data.CheckInId, data.CommunityId, answers, comment, ct);
        return result.Outcome switch
        {
            CheckInOutcome.Saved => CardActionResult.UpdateCard(Thanks(result.Own!, data.CheckInId)),
            CheckInOutcome.Closed => CardActionResult.Refuse(texts.Closed),
            CheckInOutcome.NotAMember => CardActionResult.Refuse(texts.NotAMember),
            CheckInOutcome.Invalid => CardActionResult.Refuse(texts.Invalid),
            _ => CardActionResult.Refuse(texts.Unknown),
        };
    }

    private AdaptiveCard Thanks(OwnCheckIns own, long checkInId)
    {
        var round = own.Round(checkInId)!;
        var now = clock.GetUtcNow();
        return CheckInThanksCard.Build(own, round, round.CheckIn.IsOpenAt(now), now, state.Language);
    }
}
