using CommunityBot.Agreements;
using CommunityBot.Delivery;
using CommunityBot.People;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Communities.Roles;

/// <summary>
/// Roles, the hand-over to an internal coach, and the sheet's phase, theme and goals. Every call re-checks the actor
/// in <see cref="CommunityDirectory"/>; every change is kept as a <see cref="CommunityChange"/> in the same transaction.
/// </summary>
public sealed class CommunityStewardship(
    AppDbContext db,
    CommunityDirectory access,
    OwnershipRelease release,
    Outbox outbox,
    TimeProvider clock,
    ILogger<CommunityStewardship> logger)
{
    public async Task<StewardshipResult> ChangeRoleAsync(Person actor, long communityId, long personId, CommunityRole role, CancellationToken ct)
    {
        if (!await access.CanManageAsync(actor, communityId, ct))
        {
            CommunitiesLog.StewardshipRefused(logger, actor.Id, communityId);
            return new StewardshipResult(StewardshipOutcome.NotAllowed);
        }
        var membership = await ActiveMembershipAsync(communityId, personId, ct);
        if (membership is null)
        {
            return new StewardshipResult(StewardshipOutcome.UnknownPerson);
        }
        if (membership.Role == role)
        {
            return new StewardshipResult(StewardshipOutcome.Unchanged);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await CommunityRowLock.LockAsync(db, communityId, ct);
        SetRole(membership, role, actor.Id);
        await db.SaveChangesAsync(ct);
        // Checked after the write, with the community's row locked, so two coaches demoting each other cannot both pass.
        if (!await HasCoachAsync(communityId, ct))
        {
            await transaction.RollbackAsync(ct);
            return new StewardshipResult(StewardshipOutcome.LastCoach);
        }
        if (role != CommunityRole.Member)
        {
            await release.ReleaseWholeGroupAsync(communityId, personId, ct);
        }
        await transaction.CommitAsync(ct);
        CommunitiesLog.RoleChanged(logger, communityId, personId, actor.Id);
        return new StewardshipResult(StewardshipOutcome.Changed, [CommunityChangeKind.Role]);
    }

    /// <summary>
    /// The seeds' fifth phase: the coach who presses hands the group to a teacher of the group, who becomes its process
    /// coach; the former coach stays as coach-the-coach or leaves; the phase becomes "stable operation with output".
    /// </summary>
    public async Task<StewardshipResult> HandOverAsync(Person actor, long communityId, long newCoachId, bool formerStays, CancellationToken ct)
    {
        var community = await db.Communities.SingleOrDefaultAsync(c => c.Id == communityId && c.TenantId == actor.TenantId, ct);
        // A community that does not exist answers as one the actor does not coach: answers tell nobody which ids exist.
        var former = community is null ? null : await ActiveMembershipAsync(communityId, actor.Id, ct);
        if (community is null || former?.Role != CommunityRole.Coach)
        {
            CommunitiesLog.StewardshipRefused(logger, actor.Id, communityId);
            return new StewardshipResult(StewardshipOutcome.NotTheCoach);
        }
        var successor = await ActiveMembershipAsync(communityId, newCoachId, ct);
        if (successor?.Role != CommunityRole.Member)
        {
            return new StewardshipResult(StewardshipOutcome.UnknownPerson);
        }
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await CommunityRowLock.LockAsync(db, communityId, ct);
        SetRole(successor, CommunityRole.Coach, actor.Id);
        if (formerStays)
        {
            SetRole(former, CommunityRole.CoachTheCoach, actor.Id);
        }
        else
        {
            former.LeftAt = now;
            db.CommunityChanges.Add(Change(communityId, actor.Id, CommunityChangeKind.Role, CommunityRole.Coach.ToString(), RoleValues.Left, actor.Id));
        }
        if (community.Phase != CommunityPhase.StableOutput)
        {
            db.CommunityChanges.Add(Change(communityId, actor.Id, CommunityChangeKind.Phase, community.Phase.ToString(), CommunityPhase.StableOutput.ToString()));
            community.Phase = CommunityPhase.StableOutput;
        }
        await db.SaveChangesAsync(ct);
        await release.ReleaseWholeGroupAsync(communityId, newCoachId, ct);
        if (!formerStays)
        {
            await release.ReleaseAllAsync(communityId, actor.Id, ct);
        }
        var successorPerson = await db.People.AsNoTracking().SingleAsync(p => p.Id == newCoachId, ct);
        await outbox.EnqueueAsync(new OutgoingMessage
        {
            DedupeKey = $"handover:{communityId}:{newCoachId}:{now.ToUnixTimeMilliseconds()}",
            TenantId = community.TenantId,
            PersonId = newCoachId,
            Text = string.Format(StewardshipTexts.All.For(successorPerson.Language).NewCoachMessage, PersonRef.NameOf(actor), community.Name),
            Purpose = "handover",
            Priority = DeliveryPriority.Interactive,
        }, ct);
        await transaction.CommitAsync(ct);
        CommunitiesLog.HandedOver(logger, communityId, actor.Id, newCoachId);
        return new StewardshipResult(StewardshipOutcome.Changed, [CommunityChangeKind.Role]);
    }

    /// <summary>Phase, theme and goals as the card sent them (null: not sent, kept); only what differs is changed and kept as history.</summary>
    public async Task<StewardshipResult> EditSheetAsync(Person actor, long communityId, CommunityPhase phase, string? theme, string? goals, CancellationToken ct)
    {
        if (!await access.CanManageAsync(actor, communityId, ct))
        {
            CommunitiesLog.StewardshipRefused(logger, actor.Id, communityId);
            return new StewardshipResult(StewardshipOutcome.NotAllowed);
        }
        var community = await db.Communities.SingleAsync(c => c.Id == communityId, ct);
        List<CommunityChangeKind> changed = [];
        if (community.Phase != phase)
        {
            db.CommunityChanges.Add(Change(communityId, actor.Id, CommunityChangeKind.Phase, community.Phase.ToString(), phase.ToString()));
            community.Phase = phase;
            changed.Add(CommunityChangeKind.Phase);
        }
        // An input the card did not send (null) keeps the value; an emptied one clears it.
        if (theme is not null && community.Theme != Clean(theme))
        {
            db.CommunityChanges.Add(Change(communityId, actor.Id, CommunityChangeKind.Theme, community.Theme, Clean(theme)));
            community.Theme = Clean(theme);
            changed.Add(CommunityChangeKind.Theme);
        }
        if (goals is not null && community.Goals != Clean(goals))
        {
            db.CommunityChanges.Add(Change(communityId, actor.Id, CommunityChangeKind.Goals, community.Goals, Clean(goals)));
            community.Goals = Clean(goals);
            changed.Add(CommunityChangeKind.Goals);
        }
        if (changed.Count == 0)
        {
            return new StewardshipResult(StewardshipOutcome.Unchanged);
        }
        await db.SaveChangesAsync(ct);
        CommunitiesLog.SheetEdited(logger, communityId, actor.Id);
        return new StewardshipResult(StewardshipOutcome.Changed, changed);
    }

    private Task<Membership?> ActiveMembershipAsync(long communityId, long personId, CancellationToken ct) =>
        db.Memberships.SingleOrDefaultAsync(m => m.CommunityId == communityId && m.PersonId == personId && m.LeftAt == null, ct);

    private Task<bool> HasCoachAsync(long communityId, CancellationToken ct) =>
        db.Memberships.AnyAsync(m => m.CommunityId == communityId && m.Role == CommunityRole.Coach && m.LeftAt == null, ct);

    private void SetRole(Membership membership, CommunityRole role, long byPersonId)
    {
        db.CommunityChanges.Add(Change(membership.CommunityId, byPersonId, CommunityChangeKind.Role, membership.Role.ToString(), role.ToString(), membership.PersonId));
        membership.Role = role;
    }

    private CommunityChange Change(long communityId, long byPersonId, CommunityChangeKind kind, string? old, string? @new, long? subject = null) => new()
    {
        CommunityId = communityId,
        ByPersonId = byPersonId,
        At = clock.GetUtcNow(),
        Kind = kind,
        SubjectPersonId = subject,
        OldValue = old,
        NewValue = @new,
    };

    private static string? Clean(string? value)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }
}
