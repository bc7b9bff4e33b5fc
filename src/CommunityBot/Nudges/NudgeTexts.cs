using CommunityBot.Localization;

namespace CommunityBot.Nudges;

public sealed record NudgeTexts
{
    public required Func<string, string> PlanTitle { get; init; }
    public required Func<string, string> PlanBody { get; init; }

    /// <summary>The "every N weeks" norm: the number of weeks.</summary>
    public required Func<int, string> NormEveryWeeks { get; init; }

    /// <summary>The per-school-year norm: sessions a year, sessions still to hold before the summer.</summary>
    public required Func<int, int, string> NormPerYear { get; init; }

    public required string PlanButton { get; init; }

    public static readonly Localized<NudgeTexts> All = new(
        new NudgeTexts
        {
            PlanTitle = community => $"Tijd om de volgende sessie van {community} te plannen",
            PlanBody = last => $"De laatste sessie was op {last} en er staat nog geen volgende gepland.",
            NormEveryWeeks = weeks => $"De groep spreekt af om minstens elke {weeks} weken samen te komen.",
            NormPerYear = (count, toGo) => toGo == 1
                ? $"De groep spreekt af om minstens {count} keer per schooljaar samen te komen. Om er nog één te houden voor de zomervakantie, plan je best nu de volgende."
                : $"De groep spreekt af om minstens {count} keer per schooljaar samen te komen. Om er nog {toGo} te houden voor de zomervakantie, met minstens drie weken ertussen, plan je best nu de volgende.",
            PlanButton = "Plan de volgende sessie",
        },
        new NudgeTexts
        {
            PlanTitle = community => $"Time to plan the next session of {community}",
            PlanBody = last => $"The last session was on {last} and no next one is planned yet.",
            NormEveryWeeks = weeks => $"The group meets at least every {weeks} weeks.",
            NormPerYear = (count, toGo) => toGo == 1
                ? $"The group meets at least {count} times a school year. To hold one more before the summer holiday, best plan the next one now."
                : $"The group meets at least {count} times a school year. To hold {toGo} more before the summer holiday, at least three weeks apart, best plan the next one now.",
            PlanButton = "Plan the next session",
        });
}
