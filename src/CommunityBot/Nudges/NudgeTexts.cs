using CommunityBot.Localization;

namespace CommunityBot.Nudges;

public sealed record NudgeTexts
{
    public required Func<string, string> PlanTitle { get; init; }
    public required Func<string, int, string> PlanBody { get; init; }
    public required string PlanButton { get; init; }

    public static readonly Localized<NudgeTexts> All = new(
        new NudgeTexts
        {
            PlanTitle = community => $"Tijd om de volgende sessie van {community} te plannen",
            PlanBody = (last, weeks) => $"De laatste sessie was op {last} en er staat nog geen volgende gepland. De groep spreekt af om minstens elke {weeks} weken samen te komen.",
            PlanButton = "Plan de volgende sessie",
        },
        new NudgeTexts
        {
            PlanTitle = community => $"Time to plan the next session of {community}",
            PlanBody = (last, weeks) => $"The last session was on {last} and no next one is planned yet. The group meets at least every {weeks} weeks.",
            PlanButton = "Plan the next session",
        });
}
