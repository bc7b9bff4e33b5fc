using CommunityBot.Communities;
using CommunityBot.Localization;
using CommunityBot.People;
using CommunityBot.Storage;
using CommunityBot.Teams.Cards;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Agreements;

/// <summary>
/// Builds the coach's overview of a community for the person who asks. Owners' names (who asked help, who won't
/// make it) are between a member and their coach: only the community's coach sees them, and only in their own chat;
/// a coach-the-coach, an admin, or anyone in the channel sees the counts.
/// </summary>
public sealed class CoachOverview(AppDbContext db, CommunityDirectory access, AgreementQueries queries, TimeProvider clock)
{
    /// <summary>
    /// The card, or null when the community is unknown, not run by the viewer, or (asked in a team's channel,
    /// <paramref name="teamId"/>) not that team's: one answer for all.
    /// </summary>
    public async Task<AdaptiveCard?> CardAsync(Person viewer, long communityId, string? teamId, bool personalChat, string? filter, Language language, CancellationToken ct)
    {
        var community = await db.Communities.AsNoTracking().SingleOrDefaultAsync(c => c.Id == communityId && c.TenantId == viewer.TenantId, ct);
        if (community is null || (teamId is not null && community.TeamId != teamId) || !await access.CanManageAsync(viewer, communityId, ct))
        {
            return null;
        }
        var showNames = personalChat && await access.RoleAsync(viewer.Id, communityId, ct) == CommunityRole.Coach;
        var agreements = await queries.UnclosedAsync(communityId, ct);
        return CoachOverviewCard.Build(community.Name, community.Id, agreements, showNames, filter, clock.GetUtcNow(), language);
    }
}
