using CommunityBot.Conversations;
using CommunityBot.Localization;
using CommunityBot.People;
using CommunityBot.Storage;
using CommunityBot.Teams.Hosting;
using CommunityBot.Teams.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using CommunityBot.Limits;

namespace CommunityBot.Communities;

/// <summary>
/// A Teams team is a community: installing the app links (or creates) the community and takes the roster; people
/// added to or removed from the team later join or leave it. Everything is looked up in the activity's tenant and is
/// idempotent (insert-or-get), as Teams redelivers and sends its two install events at once.
/// </summary>
public sealed class TeamCommunities(
    AppDbContext db,
    PersonMatcher people,
    CommunityDirectory directory,
    TimeProvider clock,
    IOptions<CommunitiesOptions> options,
    ILogger<TeamCommunities> logger)
{
    /// <summary>How many numbered names a new community tries: "Team", "Team (2)", … "Team (100)".</summary>
    private const int MaxAttempts = 100;

    public static bool IsTeamInstall(Activity activity) =>
        activity.TeamId is not null && InstallationHandler.IsInstall(activity);

    /// <summary>Users (not the bot) added to or removed from a team the bot is in.</summary>
    public static bool IsTeamMemberChange(Activity activity) =>
        activity.Type == ActivityTypes.ConversationUpdate
        && activity.TeamId is not null
        && (activity.MembersAdded ?? []).Concat(activity.MembersRemoved ?? []).Any(m => m.Id != activity.Recipient?.Id);

    public async Task OnInstalledAsync(TurnContext turn, Person? installer, CancellationToken cancellationToken)
    {
        var tenantId = turn.Activity.TenantId ?? "";
        var team = turn.Activity.Team!;
        var roster = await ReadRosterAsync(turn, cancellationToken);
        var community = await LinkTeamAsync(tenantId, team, installer, cancellationToken);
        await LinkChannelAsync(tenantId, team.Id, community, cancellationToken);
        var joined = 0;
        foreach (var member in roster ?? [])
        {
            joined += await JoinAsync(community.Id, await FindOrAddAsync(tenantId, member, cancellationToken), CommunityRole.Member, cancellationToken) ? 1 : 0;
        }
        await db.SaveChangesAsync(cancellationToken);
        if (installer is not null && options.Value.InstallerBecomesCoach && !await HasCoachAsync(community.Id, cancellationToken))
        {
            await JoinAsync(community.Id, installer, CommunityRole.Coach, cancellationToken);
        }
        CommunitiesLog.Linked(logger, community.Id, roster?.Count ?? 0, joined);
    }

    public async Task OnMembersChangedAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var tenantId = activity.TenantId ?? "";
        if (await directory.OfTeamAsync(tenantId, activity.TeamId!, cancellationToken) is not { } community)
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
                joined += await JoinAsync(community.Id, await FindOrAddAsync(tenantId, full, cancellationToken), CommunityRole.Member, cancellationToken) ? 1 : 0;
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        var left = 0;
        var now = clock.GetUtcNow();
        foreach (var account in (activity.MembersRemoved ?? []).Where(m => m.Id != activity.Recipient?.Id))
        {
            if (await people.FindAsync(tenantId, PersonKeys.Of(account), cancellationToken) is { } person)
            {
                left += await db.Memberships
                    .Where(m => m.CommunityId == community.Id && m.PersonId == person.Id && m.LeftAt == null)
                    .ExecuteUpdateAsync(set => set.SetProperty(m => m.LeftAt, now), cancellationToken);
            }
        }
        CommunitiesLog.MembersChanged(logger, community.Id, joined, left);
    }

    /// <summary>
    /// The team's community; else an imported one of the same name not yet linked, but only when the installer already
    /// runs it (a team named after someone else's community must not take it over); else a new one.
    /// </summary>
    private async Task<Community> LinkTeamAsync(string tenantId, TeamInfo team, Person? installer, CancellationToken cancellationToken)
    {
        if (await directory.OfTeamAsync(tenantId, team.Id, cancellationToken) is { } linked)
        {
            return linked;
        }
        var name = MaxLengths.Cut(string.IsNullOrWhiteSpace(team.Name) ? team.Id : team.Name.Trim(), TextLimits.TeamName)!;
        var numberable = Numberable(name);
        var sameName = await db.Communities.AsNoTracking().Where(c => c.TenantId == tenantId && c.Name.StartsWith(numberable)).ToListAsync(cancellationToken);
        if (sameName.FirstOrDefault(c => c.Name == name && c.TeamId is null) is { } imported
            && installer is not null && await directory.CanManageAsync(installer, imported.Id, cancellationToken))
        {
            // The other install event may have created the team's community meanwhile: then that one is the team's,
            // and linking this one too would break the one-community-per-team index.
            await db.Communities
                .Where(c => c.Id == imported.Id && c.TeamId == null
                    && !db.Communities.Any(other => other.TenantId == tenantId && other.TeamId == team.Id))
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.TeamId, team.Id), cancellationToken);
        }
        else
        {
            await CreateAsync(tenantId, team.Id, name, [.. sameName.Select(c => c.Name)], cancellationToken);
        }
        return await directory.OfTeamAsync(tenantId, team.Id, cancellationToken)
            ?? throw new InvalidOperationException("The team's community was neither linked nor created.");
    }

    /// <summary>A new community under the team's name, numbered when another community has that name.</summary>
    private async Task CreateAsync(string tenantId, string teamId, string name, HashSet<string> taken, CancellationToken cancellationToken)
    {
        for (var n = 1; n <= MaxAttempts; n++)
        {
            var unique = n == 1 ? name : $"{Numberable(name)} ({n})";
            if (taken.Contains(unique))
            {
                continue;
            }
            var community = new Community { TenantId = tenantId, Name = unique, TeamId = teamId, CreatedAt = clock.GetUtcNow() };
            // Nothing inserted: either the other install event created the team's community, or the name was taken meanwhile.
            if (await db.InsertOrIgnoreAsync(community, cancellationToken)
                || await directory.OfTeamAsync(tenantId, teamId, cancellationToken) is not null)
            {
                return;
            }
        }
        throw new InvalidOperationException($"No free community name after {MaxAttempts} attempts.");
    }

    /// <summary>The name cut so that the highest number still fits the column.</summary>
    private static string Numberable(string name) => MaxLengths.Cut(name, TextLimits.TeamName - $" ({MaxAttempts})".Length)!;

    /// <summary>The community's channel is the team's General channel (its id is the team's), else another of its channels.</summary>
    private async Task LinkChannelAsync(string tenantId, string teamId, Community community, CancellationToken cancellationToken)
    {
        var channel = await db.Conversations
            .Where(c => c.TenantId == tenantId && c.TeamId == teamId && c.Kind == ConversationKind.Channel && c.RemovedAt == null)
            .OrderBy(c => c.ConversationId == teamId ? 0 : 1)
            .Select(c => (long?)c.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (channel is not null && channel != community.ChannelConversationId)
        {
            await db.Communities.Where(c => c.Id == community.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.ChannelConversationId, channel), cancellationToken);
        }
    }

    private Task<Person> FindOrAddAsync(string tenantId, ChannelAccount member, CancellationToken cancellationToken) =>
        people.FindOrAddAsync(tenantId, PersonKeys.Of(member), member.Name, Language.Dutch, cancellationToken);

    /// <summary>Adds or re-activates the membership (a coach outranks a member); true when the person was not an active member before.</summary>
    private async Task<bool> JoinAsync(long communityId, Person person, CommunityRole role, CancellationToken cancellationToken)
    {
        var membership = new Membership { CommunityId = communityId, PersonId = person.Id, Role = role, JoinedAt = clock.GetUtcNow() };
        if (await db.InsertOrIgnoreAsync(membership, cancellationToken))
        {
            return true;
        }
        var existing = db.Memberships.Where(m => m.CommunityId == communityId && m.PersonId == person.Id);
        if (role == CommunityRole.Coach)
        {
            await existing.Where(m => m.Role == CommunityRole.Member)
                .ExecuteUpdateAsync(set => set.SetProperty(m => m.Role, CommunityRole.Coach), cancellationToken);
        }
        return await existing.Where(m => m.LeftAt != null)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.LeftAt, (DateTimeOffset?)null), cancellationToken) == 1;
    }

    private Task<bool> HasCoachAsync(long communityId, CancellationToken cancellationToken) =>
        db.Memberships.AnyAsync(m => m.CommunityId == communityId && m.Role == CommunityRole.Coach && m.LeftAt == null, cancellationToken);

    private async Task<IReadOnlyList<ChannelAccount>?> ReadRosterAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var result = await turn.GetTeamMembersAsync(options.Value.RosterPageSize, cancellationToken);
        if (!result.IsSuccess)
        {
            CommunitiesLog.RosterFailed(logger, result.Outcome.ToString());
            return null;
        }
        return result.Value;
    }
}
