using CommunityBot.Localization;
using CommunityBot.Teams.Cards;

namespace CommunityBot.Nudges;

/// <summary>The button opens the communities feature's planning card (verb <c>session.plan</c>).</summary>
public static class PlanSessionNudgeCard
{
    public const string PlanVerb = "session.plan";

    public sealed record PlanData(long CommunityId);

    public static AdaptiveCard Build(long communityId, string communityName, string lastSessionDay, CadenceNudge norm, Language language)
    {
        var texts = NudgeTexts.All.For(language);
        var normText = norm.SessionsToGo is { } toGo ? texts.NormPerYear(norm.Count, toGo) : texts.NormEveryWeeks(norm.Count);
        return new AdaptiveCard
        {
            Lang = language.CardLang(),
            FallbackText = texts.PlanTitle(communityName),
            Body =
            [
                new TextBlock(texts.PlanTitle(communityName)) { Size = TextSize.Medium, Weight = TextWeight.Bolder, Wrap = true, Style = TextBlockStyle.Heading },
                new TextBlock($"{texts.PlanBody(lastSessionDay)} {normText}") { Wrap = true },
            ],
            Actions = [new ExecuteAction(texts.PlanButton, PlanVerb, new PlanData(communityId)) { Style = ActionStyle.Positive }],
        };
    }
}
