using CommunityBot.Localization;
using CommunityBot.Teams.Cards;

namespace CommunityBot.Agreements;

/// <summary>The polite answer to a change the editor did not make; null when it was made (or changed nothing).</summary>
internal static class CloseLoopRefusals
{
    public static CardActionResult? For(EditOutcome outcome, Language language)
    {
        var texts = CloseLoopTexts.All.For(language);
        var agreementTexts = AgreementTexts.All.For(language);
        return outcome switch
        {
            // Not theirs to change answers as "not there", so an answer tells nobody which agreements exist.
            EditOutcome.NotFound or EditOutcome.NotAllowed => CardActionResult.Refuse(agreementTexts.AgreementGone),
            EditOutcome.Closed => CardActionResult.Refuse(agreementTexts.AlreadyClosed),
            EditOutcome.TextMissing => CardActionResult.Refuse(agreementTexts.TextRequired),
            EditOutcome.TextTooLong => CardActionResult.Refuse(agreementTexts.TextTooLong),
            EditOutcome.OwnersMissing => CardActionResult.Refuse(agreementTexts.OwnersRequired),
            EditOutcome.UnknownPeopleOrSession => CardActionResult.Refuse(texts.UnknownPeopleOrSession),
            _ => null,
        };
    }
}
