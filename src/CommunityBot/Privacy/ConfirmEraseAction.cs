using CommunityBot.Bot;
using CommunityBot.Communities;
using CommunityBot.Teams.Cards;
using Microsoft.Extensions.Logging;

namespace CommunityBot.Privacy;

/// <summary><c>privacy.erase.confirm</c>: erases the presser, and only when the card was made for them.</summary>
internal sealed class ConfirmEraseAction(PersonErasure erasure, TurnState state, ILogger<ConfirmEraseAction> logger) : CardActionHandler<EraseData>
{
    public override string Verb => PrivacyVerbs.ConfirmErase;

    protected override async Task<CardActionResult> HandleAsync(CardActionContext context, EraseData data, CancellationToken ct)
    {
        var texts = PrivacyTexts.All.For(state.Language);
        var person = state.RequirePerson();
        // A forwarded or forged card must never erase someone else, nor the presser by someone else's card.
        if (data.PersonId != person.Id)
        {
            return CardActionResult.Refuse(texts.NotYourCard);
        }
        var result = await erasure.EraseAsync(person, ct);
        switch (result.Outcome)
        {
            case ErasureOutcome.LastCoach:
                return CardActionResult.Refuse(string.Format(texts.LastCoach, string.Join(", ", result.Communities)));
            case ErasureOutcome.RunsIntervision:
                return CardActionResult.Refuse(string.Format(texts.RunsIntervision, string.Join(", ", result.Communities)));
            default:
                PrivacyLog.Erased(logger, person.Id);
                return CardActionResult.UpdateCard(NoticeCard.Build(texts.Erased, state.Language));
        }
    }
}
