using CommunityBot.Bot;
using CommunityBot.Communities;
using CommunityBot.Localization;
using CommunityBot.Teams.Schema;

namespace CommunityBot.Sessions;

/// <summary>
/// <c>plan session</c> / <c>sessie plannen</c>: the planning card. In a team's channel for that team's community; in a
/// personal chat for the community the person coaches, or a choice when they coach several.
/// </summary>
internal sealed class PlanSessionCommand(CommunityDirectory communities, SessionPlanner planner, TimeProvider clock) : IBotCommand
{
    public IReadOnlyList<string> Triggers { get; } = ["plan session", "plan a session", "sessie plannen", "plan sessie", "plan een sessie"];

    public CommandHelp Help(Language language)
    {
        var texts = SessionTexts.All.For(language);
        return new CommandHelp(texts.PlanCommand, texts.PlanWhat);
    }

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var texts = SessionTexts.All.For(context.Language);
        var actor = context.State.RequirePerson();
        var teamId = context.Turn.Activity.TeamId;
        if (teamId is not null)
        {
            var community = await communities.OfTeamAsync(actor.TenantId, teamId, cancellationToken);
            var outcome = await planner.AuthorizeCommunityAsync(actor, community?.Id, cancellationToken);
            await (outcome.Kind == SessionOutcomeKind.Saved
                ? context.Turn.ReplyCardAsync(SessionCards.Form(outcome.Community!, null, null, [], context.Language, SessionTime.Today(clock, outcome.Community!.TimeZone)), cancellationToken)
                : context.Turn.ReplyTextAsync(outcome.Kind == SessionOutcomeKind.NotAllowed ? texts.NotCoachOfThis : texts.UnknownCommunity, cancellationToken));
            return;
        }
        var managed = await communities.RunByAsync(actor, null, cancellationToken);
        await (managed.Count switch
        {
            0 => context.Turn.ReplyTextAsync(texts.NotACoach, cancellationToken),
            1 => context.Turn.ReplyCardAsync(SessionCards.Form(managed[0], null, null, [], context.Language, SessionTime.Today(clock, managed[0].TimeZone)), cancellationToken),
            _ => context.Turn.ReplyCardAsync(SessionCards.PickCommunity(managed, context.Language), cancellationToken),
        });
    }
}

/// <summary><c>next session</c> / <c>volgende sessie</c>: when and where, in the community's time zone, for each of the person's communities.</summary>
internal sealed class NextSessionCommand(CommunityDirectory directory, SessionQueries queries) : IBotCommand
{
    public IReadOnlyList<string> Triggers { get; } = ["next session", "volgende sessie", "wanneer is de volgende sessie", "when is the next session"];

    public CommandHelp Help(Language language)
    {
        var texts = SessionTexts.All.For(language);
        return new CommandHelp(texts.NextCommand, texts.NextWhat);
    }

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var texts = SessionTexts.All.For(context.Language);
        var communities = await directory.MemberOfAsync(context.State.RequirePerson(), context.Turn.Activity.TeamId, cancellationToken);
        var next = await queries.NextSessionsAsync(communities.Select(c => c.Id), cancellationToken);
        var lines = communities.Select(c => next.TryGetValue(c.Id, out var session)
            ? string.Format(texts.NextSession, c.Name, SessionTime.Describe(session.StartsAt, c.TimeZone, context.Language), SessionTime.Where(session, context.Language))
            : string.Format(texts.NoNextSession, c.Name)).ToList();
        var text = lines.Count == 0 ? texts.NotInAnyCommunity : string.Join("\n\n", lines);
        await context.Turn.ReplyTextAsync(text, cancellationToken);
    }
}
