using CommunityBot.Communities.Participation;
using CommunityBot.Communities.Roles;
using CommunityBot.Communities.Cadence;
using CommunityBot.Localization;
using CommunityBot.Sessions;
using CommunityBot.Teams.Cards;

namespace CommunityBot.Communities.Sheet;

/// <summary>The organisation sheet of one community; a coach's own copy opens the role and sheet editors, a member's the way out.</summary>
public static class CommunitySheetCard
{
    /// <summary>Who guides and supports the group first, the members last.</summary>
    private static readonly CommunityRole[] RoleOrder = [CommunityRole.Coach, CommunityRole.CoachTheCoach, CommunityRole.Leader, CommunityRole.Member];

    public static AdaptiveCard Build(CommunitySheet sheet, DateTimeOffset now, Language language)
    {
        var texts = CommunitySheetTexts.All.For(language);
        var cadence = CadenceTexts.All.For(language);
        var community = sheet.Community;
        var title = string.Format(texts.Title, community.Name);
        var next = sheet.NextSession is { } session
            ? string.Format(texts.SessionLine, SessionTime.Describe(session.StartsAt, community.TimeZone, language), SessionTime.Where(session, language))
            : texts.NoSessionPlanned;
        var about = new FactSet
        {
            Facts =
            [
                new CardFact(texts.Theme, OrNotFilledIn(community.Theme, texts)),
                new CardFact(texts.Goals, OrNotFilledIn(community.Goals, texts)),
                new CardFact(texts.Phase, string.Format(texts.PhaseLine, (int)community.Phase, texts.PhaseNames[community.Phase])),
                new CardFact(texts.Cadence, Capitalized(cadence.Rhythm(community.CadenceKind, community.CadenceCount))),
                new CardFact(texts.SessionLength, cadence.Length(community.SessionDuration)),
                new CardFact(texts.NextSession, next),
            ],
        };
        var members = new FactSet
        {
            Facts = [.. RoleOrder
                .Select(role => (role, names: sheet.People.Where(p => p.Role == role).Select(p => p.Name).ToList()))
                .Where(r => r.names.Count > 0)
                .Select(r => new CardFact(texts.RoleNames[r.role], string.Join(", ", r.names)))],
        };
        return new AdaptiveCard
        {
            Lang = language.CardLang(),
            FallbackText = title,
            Body =
            [
                new TextBlock(title) { Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true, Style = TextBlockStyle.Heading },
                about,
                new TextBlock(texts.Members) { Weight = TextWeight.Bolder, Wrap = true, Spacing = Spacing.Medium },
                members,
                .. PausedSection(sheet, now, language),
            ],
            Actions = SheetButtons(sheet, language),
        };
    }

    private static IEnumerable<CardElement> PausedSection(CommunitySheet sheet, DateTimeOffset now, Language language)
    {
        if (sheet.Paused.Count == 0)
        {
            yield break;
        }
        var texts = ParticipationTexts.All.For(language);
        yield return new TextBlock(texts.PausedLabel) { Weight = TextWeight.Bolder, Wrap = true, Spacing = Spacing.Medium };
        yield return new FactSet
        {
            Facts = [.. sheet.Paused.Select(p => new CardFact(p.Name, p.LastDay is { } day
                ? string.Format(texts.PausedThrough, MemberParticipation.DayOf(day, sheet.Community, language, now))
                : texts.PausedUntilBack))],
        };
    }

    private static List<CardAction>? SheetButtons(CommunitySheet sheet, Language language)
    {
        var texts = StewardshipTexts.All.For(language);
        var data = new CommunityCardData(sheet.Community.Id);
        List<CardAction> actions = [];
        if (sheet.Actions.HasFlag(SheetActions.Manage))
        {
            actions.Add(new ExecuteAction(texts.ManageRoles, CommunityVerbs.ShowRoles, data));
            actions.Add(new ExecuteAction(texts.EditSheet, CommunityVerbs.ShowEdit, data));
            actions.Add(new ExecuteAction(CommunitySheetTexts.All.For(language).ChangeRhythm, CadenceVerbs.Change, new CadenceForm { CommunityId = sheet.Community.Id }));
        }
        if (sheet.Actions.HasFlag(SheetActions.Leave))
        {
            actions.Add(new ExecuteAction(ParticipationTexts.All.For(language).LeaveButton, ParticipationVerbs.ShowLeave, data));
        }
        return actions.Count > 0 ? actions : null;
    }

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string OrNotFilledIn(string? value, CommunitySheetTexts texts) =>
        string.IsNullOrWhiteSpace(value) ? texts.NotFilledIn : value;
}
