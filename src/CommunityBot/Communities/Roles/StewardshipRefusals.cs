using CommunityBot.Teams.Cards;

namespace CommunityBot.Communities.Roles;

internal static class StewardshipRefusals
{
    /// <summary>The polite refusal for an outcome that changed nothing, or null when the change went through (or was already so).</summary>
    public static CardActionResult? For(StewardshipOutcome outcome, StewardshipTexts texts) => outcome switch
    {
        StewardshipOutcome.Changed or StewardshipOutcome.Unchanged => null,
        StewardshipOutcome.UnknownPerson => CardActionResult.Refuse(texts.UnknownPerson),
        StewardshipOutcome.LastCoach => CardActionResult.Refuse(texts.LastCoach),
        StewardshipOutcome.NotTheCoach => CardActionResult.Refuse(texts.NotTheCoach),
        _ => CardActionResult.Refuse(texts.NotAllowed),
    };
}
