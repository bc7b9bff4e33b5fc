using CommunityBot.Agreements;
using CommunityBot.Localization;
using CommunityBot.People;
using CommunityBot.Storage;
using CommunityBot.Teams.Cards;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Communities.Roles;

/// <summary>Draws the roles and sheet-editing cards as they are now, for someone who may manage the community.</summary>
public sealed class StewardshipCards(AppDbContext db, CommunityDirectory access)
{
    /// <summary>Null when the viewer may not manage the community (or it does not exist in their tenant).</summary>
    public async Task<AdaptiveCard?> RolesAsync(Person viewer, long communityId, Language language, string? notice, CancellationToken ct)
    {
        if (await ManagedAsync(viewer, communityId, ct) is not { } community)
        {
            return null;
        }
        var people = await CommunityPeople.ActiveAsync(db, communityId, ct);
        var viewerIsCoach = people.Any(p => p.PersonId == viewer.Id && p.Role == CommunityRole.Coach);
        return RolesCard.Build(community, people, viewerIsCoach, language, notice);
    }

    public async Task<AdaptiveCard?> EditAsync(Person viewer, long communityId, Language language, string? notice, CancellationToken ct) =>
        await ManagedAsync(viewer, communityId, ct) is { } community ? EditSheetCard.Build(community, language, notice) : null;

    public async Task<string> NameAsync(long personId, CancellationToken ct) =>
        PersonRef.NameOf(await db.People.AsNoTracking().SingleAsync(p => p.Id == personId, ct));

    public Task<string> CommunityNameAsync(long communityId, CancellationToken ct) =>
        db.Communities.Where(c => c.Id == communityId).Select(c => c.Name).SingleAsync(ct);

    private async Task<Community?> ManagedAsync(Person viewer, long communityId, CancellationToken ct) =>
        await access.CanManageAsync(viewer, communityId, ct)
            ? await db.Communities.AsNoTracking().SingleAsync(c => c.Id == communityId, ct)
            : null;
}
