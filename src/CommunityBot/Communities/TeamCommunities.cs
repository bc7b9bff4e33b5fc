using CommunityBot.Conversations;
using CommunityBot.People;
using CommunityBot.Storage;
using CommunityBot.Teams.Hosting;
using CommunityBot.Teams.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityBot.Communities;

/// <summary>
/// A Teams team is a community: installing the app links (or creates) the community and takes the roster; people
/// added to or removed from the team later join or leave it. Everything is idempotent, as Teams redelivers.
/// </summary>
public sealed class TeamCommunities(
    AppDbContext db,
    RosterPeople people,
    CommunityAccess access,
    TimeProvider clock,
    IOptions<CommunitiesOptions> options,
    ILogger<TeamCommunities> logger)
{
    public static bool IsTeamInstall(Activity activity) =>
        activity.ChannelData?.Team is not null && InstallationHandler.IsInstall(activity);

    /// <summary>Users (not the bot) added to or removed from a team the bot is in.</summary>
    public static bool IsTeamMemberChange(Activity activity) =>
        activity.Type == ActivityTypes.ConversationUpdate
        && activity.ChannelData?.Team is not null
        && (activity.MembersAdded ?? []).Concat(activity.MembersRemoved ?? []).Any(m => m.Id != activity.Recipient?.Id);

    public async Task OnInstalledAsync(TurnContext turn, Person? installer, CancellationToken cancellationToken)
    {
        var roster = await ReadRosterAsync(turn, cancellationToken);
        // Teams sends two install events at once; the loser of a race on the unique indexes simply runs again.
        try
        {
            await LinkAsync(turn.Activity, roster, installer, cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            await LinkAsync(turn.Activity, roster, installer, cancellationToken);
        }
    }

    public async Task OnMembersChangedAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var tenantId = activity.TenantId ?? "";
        var teamId = activity.ChannelData!.Team!.Id;
        var community = await db.Communities.SingleOrDefaultAsync(c => c.TenantId == tenantId && c.TeamId == teamId, cancellationToken);
        if (community is null)
        {
            return;
        }
        var added = (activity.MembersAdded ?? []).Where(m => m.Id != activity.Recipient?.Id).ToList();
        var joined = 0;
        if (added.Count > 0)
        {
            // The event carries only ids; the roster has the e-mail and name.
            var roster = await ReadRosterAsync(turn, cancellationToken) ?? [];
            foreach (var account in added)
            {
                var full = roster.FirstOrDefault(r => r.Id == account.Id) ?? account;
                joined += await JoinAsync(community, await people.FindOrAddAsync(tenantId, full, cancellationToken), CommunityRole.Member, cancellationToken) ? 1 : 0;
            }
        }
        var left = 0;
        foreach (var account in (activity.MembersRemoved ?? []).Where(m => m.Id != activity.Recipient?.Id))
        {
            var person = await people.FindAsync(tenantId, account.AadObjectId, null, account.Id, cancellationToken);
            var membership = person is null ? null
                : await db.Memberships.SingleOrDefaultAsync(m => m.CommunityId == community.Id && m.PersonId == person.Id && m.LeftAt == null, cancellationToken);
            if (membership is not null)
            {
                membership.LeftAt = clock.GetUtcNow();
                left++;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        CommunitiesLog.MembersChanged(logger, community.Id, joined, left);
    }

    private async Task LinkAsync(Activity activity, IReadOnlyList<ChannelAccount>? roster, Person? installer, CancellationToken cancellationToken)
    {
        var tenantId = activity.TenantId ?? "";
        var team = activity.ChannelData!.Team!;
        var community = await FindOrCreateAsync(tenantId, team, installer, cancellationToken);
        community.ChannelConversationId = await db.Conversations
            .Where(c => c.TeamId == team.Id && c.Kind == ConversationKind.Channel && c.RemovedAt == null)
            .OrderBy(c => c.ConversationId == team.Id ? 0 : 1)
            .Select(c => (long?)c.Id)
            .FirstOrDefaultAsync(cancellationToken) ?? community.ChannelConversationId;
        var joined = 0;
        foreach (var member in roster ?? [])
        {
            joined += await JoinAsync(community, await people.FindOrAddAsync(tenantId, member, cancellationToken), CommunityRole.Member, cancellationToken) ? 1 : 0;
        }
        if (installer is not null && options.Value.InstallerBecomesCoach && !await HasCoachAsync(community, cancellationToken))
        {
            var attached = db.People.Local.FirstOrDefault(p => p.Id == installer.Id) ?? db.People.Attach(installer).Entity;
            await JoinAsync(community, attached, CommunityRole.Coach, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        CommunitiesLog.Linked(logger, community.Id, roster?.Count ?? 0, joined);
    }

    /// <summary>
    /// The team's community; else an imported one of the same name not yet linked, but only when the installer already
    /// runs it (a team named after someone else's community must not take it over); else a new one.
    /// </summary>
    private async Task<Community> FindOrCreateAsync(string tenantId, TeamInfo team, Person? installer, CancellationToken cancellationToken)
    {
        var linked = await db.Communities.SingleOrDefaultAsync(c => c.TenantId == tenantId && c.TeamId == team.Id, cancellationToken);
        if (linked is not null)
        {
            return linked;
        }
        var name = string.IsNullOrWhiteSpace(team.Name) ? team.Id : team.Name.Trim();
        var sameName = await db.Communities.Where(c => c.TenantId == tenantId && c.Name.StartsWith(name)).ToListAsync(cancellationToken);
        if (sameName.FirstOrDefault(c => c.Name == name && c.TeamId is null) is { } imported
            && installer is not null && await access.CanManageAsync(installer, imported.Id, cancellationToken))
        {
            imported.TeamId = team.Id;
            return imported;
        }
        var unique = name;
        for (var n = 2; sameName.Any(c => c.Name == unique); n++)
        {
            unique = $"{name} ({n})";
        }
        var community = new Community { TenantId = tenantId, Name = unique, TeamId = team.Id, CreatedAt = clock.GetUtcNow() };
        db.Communities.Add(community);
        return community;
    }

    /// <summary>Adds or re-activates the membership; true when the person was not an active member before.</summary>
    private async Task<bool> JoinAsync(Community community, Person person, CommunityRole role, CancellationToken cancellationToken)
    {
        var membership = db.Memberships.Local.FirstOrDefault(m => m.Community == community && m.Person == person)
            ?? (community.Id == 0 || person.Id == 0 ? null
                : await db.Memberships.SingleOrDefaultAsync(m => m.CommunityId == community.Id && m.PersonId == person.Id, cancellationToken));
        if (membership is null)
        {
            db.Memberships.Add(new Membership { Community = community, Person = person, Role = role, JoinedAt = clock.GetUtcNow() });
            return true;
        }
        var rejoined = membership.LeftAt is not null;
        membership.LeftAt = null;
        if (role == CommunityRole.Coach && membership.Role == CommunityRole.Member)
        {
            membership.Role = role;
        }
        return rejoined;
    }

    private async Task<bool> HasCoachAsync(Community community, CancellationToken cancellationToken) =>
        db.Memberships.Local.Any(m => m.Community == community && m.Role == CommunityRole.Coach && m.LeftAt == null)
        || (community.Id != 0 && await db.Memberships.AnyAsync(m => m.CommunityId == community.Id && m.Role == CommunityRole.Coach && m.LeftAt == null, cancellationToken));

    private async Task<IReadOnlyList<ChannelAccount>?> ReadRosterAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var result = await turn.Connector.GetAllMembersAsync(turn.Activity.ServiceUrl ?? "", turn.Activity.ChannelData!.Team!.Id, options.Value.RosterPageSize, cancellationToken);
        if (!result.IsSuccess)
        {
            CommunitiesLog.RosterFailed(logger, result.Outcome.ToString());
            return null;
        }
        return result.Value;
    }
}
