using CommunityBot.Bot;
using CommunityBot.Communities;
using CommunityBot.Localization;

namespace CommunityBot.Sessions;

/// <summary>
/// <c>sessies</c> / <c>sessions</c>: the planned sessions of each of the person's communities, with move and cancel
/// where they run it. In a team's channel only that team's community.
/// </summary>
internal sealed class SessionListCommand(CommunityDirectory directory, SessionQueries queries, TimeProvider clock) : IBotCommand
{
    public IReadOnlyList<string> Triggers { get; } = ["sessies", "geplande sessies", "sessions", "planned sessions"];

    public CommandHelp Help(Language language)
    {
        var texts = SessionTexts.All.For(language);
        return new CommandHelp(texts.ListCommand, texts.ListWhat) { Audience = CommandAudience.Everyone, Topic = CommandTopic.Sessions };
    }

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var person = context.State.RequirePerson();
        var teamId = context.Turn.Activity.TeamId;
        var memberOf = await directory.MemberOfAsync(person, teamId, cancellationToken);
        var runs = await directory.RunByAsync(person, teamId, cancellationToken);
        // A tenant admin runs every community of the tenant; outside a team's channel only those they are in are listed.
        var communities = teamId is null ? memberOf : [.. memberOf.UnionBy(runs, c => c.Id).OrderBy(c => c.Name)];
        if (communities.Count == 0)
        {
            await context.Turn.ReplyTextAsync(SessionTexts.All.For(context.Language).NotInAnyCommunity, cancellationToken);
            return;
        }
        var managed = runs.Select(c => c.Id).ToHashSet();
        var upcoming = await queries.UpcomingSessionsAsync(communities.Select(c => c.Id), cancellationToken);
        var entries = communities
            .Select(c => new CommunitySessions(c, managed.Contains(c.Id), upcoming.TryGetValue(c.Id, out var sessions) ? sessions : []))
            .ToList();
        await context.Turn.ReplyCardAsync(SessionCards.List(entries, context.Language, clock.GetUtcNow()), cancellationToken);
    }
}
