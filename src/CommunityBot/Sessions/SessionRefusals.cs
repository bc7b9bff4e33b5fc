using CommunityBot.Localization;
using CommunityBot.Teams.Cards;

namespace CommunityBot.Sessions;

/// <summary>What a session button answers when it changed nothing.</summary>
internal static class SessionRefusals
{
    /// <summary>
    /// A session that changed since the card was drawn (moved, cancelled, over) is shown as it is now, in place of the
    /// old card; anything the actor may not see or change gets a polite refusal.
    /// </summary>
    public static CardActionResult For(SessionOutcome outcome, Language language)
    {
        var texts = SessionTexts.All.For(language);
        return outcome switch
        {
            { Kind: SessionOutcomeKind.ChangedMeanwhile, Community: { } community, Session: { } session } =>
                CardActionResult.UpdateCard(SessionCards.Current(community, session, language, texts.ChangedMeanwhile)),
            { Kind: SessionOutcomeKind.NotPlanned, Community: { } community, Session: { } session } =>
                CardActionResult.UpdateCard(SessionCards.Current(community, session, language,
                    session.Status == SessionStatus.Cancelled ? texts.NowCancelled : texts.NowHeld)),
            _ => CardActionResult.Refuse(outcome.Kind switch
            {
                // A button naming a community the actor does not run answers as one naming no community at all.
                SessionOutcomeKind.NotAllowed or SessionOutcomeKind.UnknownCommunity => texts.UnknownCommunity,
                _ => texts.UnknownSession,
            }),
        };
    }
}
