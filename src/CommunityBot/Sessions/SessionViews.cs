using CommunityBot.Communities;
using CommunityBot.Conversations;
using CommunityBot.Localization;
using CommunityBot.People;
using CommunityBot.SessionAttendance;
using CommunityBot.Teams.Cards;
using CommunityBot.Teams.Schema;

namespace CommunityBot.Sessions;

/// <summary>
/// The list of planned sessions and the next-session card for a person where they are (a team's channel: only that
/// team's community), built one way for the command that shows them and for "Terug" that shows them again.
/// </summary>
public sealed class SessionViews(CommunityDirectory directory, SessionQueries queries, AttendanceQueries attendance, TimeProvider clock)
{
    /// <summary><c>sessies</c>: every planned session, with move and cancel where the person runs the community; null when they are in none.</summary>
    public async Task<AdaptiveCard?> ListAsync(Person person, Activity where, Language language, CancellationToken ct)
    {
        var (communities, managed) = await CommunitiesAsync(person, where.TeamId, ct);
        if (communities.Count == 0)
        {
            return null;
        }
        var upcoming = await queries.UpcomingSessionsAsync(communities.Select(c => c.Id), ct);
        var entries = communities
            .Select(c => new CommunitySessions(c, managed.Contains(c.Id), upcoming.TryGetValue(c.Id, out var sessions) ? sessions : []))
            .ToList();
        return SessionCards.List(entries, language, clock.GetUtcNow());
    }

    /// <summary>
    /// <c>volgende sessie</c>: each community's next session. Who runs it gets move and cancel; a member, only in their
    /// own chat (regrets are between them and the coach), "ik kan niet komen". Null when they are in no community.
    /// </summary>
    public async Task<AdaptiveCard?> NextAsync(Person person, Activity where, Language language, CancellationToken ct)
    {
        var (communities, managed) = await CommunitiesAsync(person, where.TeamId, ct);
        if (communities.Count == 0)
        {
            return null;
        }
        var personal = Conversation.KindOf(where) == ConversationKind.Personal;
        var next = await queries.NextSessionsAsync(communities.Select(c => c.Id), ct);
        var entries = new List<NextSession>();
        foreach (var community in communities)
        {
            var session = next.GetValueOrDefault(community.Id);
            var canManage = managed.Contains(community.Id);
            var regrets = session is not null && !canManage && personal
                ? RegretCard.NextSessionAction(session.Id, await attendance.HasRegretsAsync(person.Id, session.Id, ct), language)
                : null;
            entries.Add(new NextSession(community, canManage, session, regrets));
        }
        return SessionCards.Next(entries, language);
    }

    /// <summary>The communities to show, and those among them the person runs. A tenant admin runs every community of
    /// the tenant; outside a team's channel only those they are in are listed.</summary>
    private async Task<(IReadOnlyList<Community> Communities, IReadOnlySet<long> Managed)> CommunitiesAsync(Person person, string? teamId, CancellationToken ct)
    {
        var memberOf = await directory.MemberOfAsync(person, teamId, ct);
        var runs = await directory.RunByAsync(person, teamId, ct);
        IReadOnlyList<Community> communities = teamId is null ? memberOf : [.. memberOf.UnionBy(runs, c => c.Id).OrderBy(c => c.Name)];
        return (communities, runs.Select(c => c.Id).ToHashSet());
    }
}
