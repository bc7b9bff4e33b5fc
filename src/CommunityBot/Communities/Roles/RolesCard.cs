using System.Globalization;
using CommunityBot.Agreements;
using CommunityBot.Localization;
using CommunityBot.Teams.Cards;

namespace CommunityBot.Communities.Roles;

/// <summary>The people of a community with their roles, a form to change one, and for a process coach the hand-over.</summary>
public static class RolesCard
{
    public const string PersonInput = "person";
    public const string RoleInput = "role";
    public const string NewCoachInput = "newCoach";
    public const string FormerCoachInput = "formerCoach";
    public const string Stays = "stays";
    public const string Leaves = "leaves";

    private static readonly CommunityRole[] RoleOrder = [CommunityRole.Member, CommunityRole.Coach, CommunityRole.CoachTheCoach, CommunityRole.Leader];

    /// <param name="viewerIsCoach">The viewer is a process coach of the community, so the hand-over is theirs to make.</param>
    /// <param name="notice">What the last press did, shown on top.</param>
    public static AdaptiveCard Build(Community community, IReadOnlyList<CommunityPerson> people, bool viewerIsCoach, Language language, string? notice = null)
    {
        var texts = StewardshipTexts.All.For(language);
        var title = string.Format(texts.RolesTitle, community.Name);
        List<CardElement> body = [new TextBlock(title) { Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true, Style = TextBlockStyle.Heading }];
        if (notice is not null)
        {
            body.Add(new TextBlock(notice) { Wrap = true, Weight = TextWeight.Bolder, Color = TextColor.Good });
        }
        body.Add(new FactSet { Facts = [.. people.Select(p => new CardFact(p.Name, texts.RoleNames[p.Role]))] });
        body.Add(new TextBlock(texts.RolesIntro) { Wrap = true, Spacing = Spacing.Medium });
        body.Add(new ChoiceSetInput
        {
            Id = PersonInput,
            Label = texts.PersonLabel,
            Style = ChoiceInputStyle.Compact,
            Choices = [.. people.Select(p => new Choice(p.Name, Id(p.PersonId)))],
        });
        body.Add(new ChoiceSetInput
        {
            Id = RoleInput,
            Label = texts.RoleLabel,
            Style = ChoiceInputStyle.Compact,
            Choices = [.. RoleOrder.Select(r => new Choice(texts.RoleNames[r], r.ToString()))],
        });
        body.Add(new TextBlock(texts.RolesNote) { Wrap = true, IsSubtle = true, Size = TextSize.Small });
        body.Add(new ActionSet { Actions = [new ExecuteAction(texts.ChangeRole, CommunityVerbs.ChangeRole, new CommunityCardData(community.Id))] });

        var candidates = people.Where(p => p.Role == CommunityRole.Member).ToList();
        if (viewerIsCoach && candidates.Count > 0)
        {
            body.Add(new TextBlock(texts.HandOverTitle) { Weight = TextWeight.Bolder, Wrap = true, Spacing = Spacing.Large });
            body.Add(new TextBlock(texts.HandOverIntro) { Wrap = true });
            body.Add(new ChoiceSetInput
            {
                Id = NewCoachInput,
                Label = texts.NewCoachLabel,
                Style = ChoiceInputStyle.Compact,
                Choices = [.. candidates.Select(p => new Choice(p.Name, Id(p.PersonId)))],
            });
            body.Add(new ChoiceSetInput
            {
                Id = FormerCoachInput,
                Label = texts.FormerCoachLabel,
                Style = ChoiceInputStyle.Expanded,
                Value = Stays,
                Choices = [new Choice(texts.FormerStays, Stays), new Choice(texts.FormerLeaves, Leaves)],
            });
            body.Add(new ActionSet { Actions = [new ExecuteAction(texts.HandOver, CommunityVerbs.HandOver, new CommunityCardData(community.Id))] });
        }
        return new AdaptiveCard { Lang = language.CardLang(), FallbackText = title, Body = body };
    }

    private static string Id(long personId) => personId.ToString(CultureInfo.InvariantCulture);
}
