using CommunityBot.Communities;
using CommunityBot.Localization;
using CommunityBot.Teams.Cards;

namespace CommunityBot.Sessions;

internal static class SessionRefusals
{
    public static CardActionResult For(SessionOutcome outcome, Language language)
    {
        var texts = SessionTexts.All.For(language);
        return CardActionResult.Refuse(outcome.Kind switch
        {
            SessionOutcomeKind.NotAllowed => texts.NotCoachOfThis,
            SessionOutcomeKind.UnknownCommunity => texts.UnknownCommunity,
            SessionOutcomeKind.NotPlanned => texts.SessionNotPlanned,
            _ => texts.UnknownSession,
        });
    }
}
