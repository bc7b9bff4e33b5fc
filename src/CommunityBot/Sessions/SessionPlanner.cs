using CommunityBot.Communities;
using CommunityBot.Localization;
using CommunityBot.People;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Sessions;

public enum SessionOutcomeKind
{
    Saved,
    Invalid,
    NotAllowed,
    UnknownCommunity,
    UnknownSession,
    NotPlanned,
    ChangedMeanwhile,
}

/// <summary>
/// What planning, moving or cancelling came to. Only <see cref="SessionOutcomeKind.Saved"/> changed anything;
/// <see cref="Warnings"/> are what the coach should know about a saved session (too close to another, outside the advised length).
/// </summary>
public sealed record SessionOutcome(SessionOutcomeKind Kind, Community? Community = null, Session? Session = null, IReadOnlyList<string>? Errors = null)
{
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

/// <summary>
/// Plans, moves and cancels sessions for a coach. Every call re-checks the actor's role in the community the session
/// belongs to, whatever the card said; a refused call changes nothing.
/// </summary>
public sealed class SessionPlanner(
    AppDbContext db, CommunityDirectory access, SessionAnnouncer announcer, SessionPlans plans, SessionWarnings warnings, TimeProvider clock, ILogger<SessionPlanner> logger)
{
    /// <summary>The community, if the actor may manage it.</summary>
    public async Task<SessionOutcome> AuthorizeCommunityAsync(Person actor, long? communityId, CancellationToken cancellationToken)
    {
        var community = communityId is null ? null : await db.Communities.SingleOrDefaultAsync(c => c.Id == communityId, cancellationToken);
        if (community is null || community.TenantId != actor.TenantId)
        {
            return new SessionOutcome(SessionOutcomeKind.UnknownCommunity);
        }
        return await access.CanManageAsync(actor, community.Id, cancellationToken)
            ? new SessionOutcome(SessionOutcomeKind.Saved, community)
            : Refused(actor, community.Id);
    }

    /// <summary>The planned session and its community, if the actor may manage that community.</summary>
    public async Task<SessionOutcome> AuthorizeSessionAsync(Person actor, long? sessionId, CancellationToken cancellationToken)
    {
        var session = sessionId is null ? null
            : await db.Sessions.Include(s => s.Community).SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is null || session.Community.TenantId != actor.TenantId)
        {
            return new SessionOutcome(SessionOutcomeKind.UnknownSession);
        }
        if (!await access.CanManageAsync(actor, session.CommunityId, cancellationToken))
        {
            // A session of a community the actor does not run answers as one that does not exist.
            return Refused(actor, session.CommunityId, SessionOutcomeKind.UnknownSession);
        }
        return session.Status == SessionStatus.Planned && session.StartsAt > clock.GetUtcNow()
            ? new SessionOutcome(SessionOutcomeKind.Saved, session.Community, session)
            : new SessionOutcome(SessionOutcomeKind.NotPlanned, session.Community, session);
    }

    public async Task<SessionOutcome> PlanAsync(Person actor, SessionForm form, Language language, CancellationToken cancellationToken)
    {
        var authorized = await AuthorizeCommunityAsync(actor, form.CommunityId, cancellationToken);
        if (authorized.Kind != SessionOutcomeKind.Saved)
        {
            return authorized;
        }
        var community = authorized.Community!;
        var (slot, errors) = SessionFormValidation.Validate(form, community.TimeZone, clock.GetUtcNow(), language, community.SessionDuration);
        if (slot is null)
        {
            return new SessionOutcome(SessionOutcomeKind.Invalid, community, Errors: errors);
        }
        var session = new Session
        {
            CommunityId = community.Id,
            Community = community,
            StartsAt = slot.StartsAt,
            Location = slot.Location,
            OnlineUrl = slot.OnlineUrl,
            Duration = slot.Duration,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Sessions.Add(session);
        await SaveAndAnnounceAsync(community, session, SessionChange.Planned, cancellationToken);
        return new SessionOutcome(SessionOutcomeKind.Saved, community, session) { Warnings = await warnings.ForAsync(community, session, language, cancellationToken) };
    }

    public async Task<SessionOutcome> MoveAsync(Person actor, SessionForm form, Language language, CancellationToken cancellationToken)
    {
        var authorized = await AuthorizeSessionAsync(actor, form.SessionId, cancellationToken);
        if (authorized.Kind != SessionOutcomeKind.Saved)
        {
            return authorized;
        }
        var (community, session) = (authorized.Community!, authorized.Session!);
        if (form.Version is { } version && version != session.Version)
        {
            return authorized with { Kind = SessionOutcomeKind.ChangedMeanwhile };
        }
        var (slot, errors) = SessionFormValidation.Validate(form, community.TimeZone, clock.GetUtcNow(), language, session.Duration);
        if (slot is null)
        {
            return authorized with { Kind = SessionOutcomeKind.Invalid, Errors = errors };
        }
        // Every move gets a new version: plans computed from the old one (reminders) see they are stale, and the group a new announcement.
        session.Version++;
        session.StartsAt = slot.StartsAt;
        session.Location = slot.Location;
        session.OnlineUrl = slot.OnlineUrl;
        session.Duration = slot.Duration;
        return await SaveAndAnnounceAsync(community, session, SessionChange.Moved, cancellationToken)
            ? authorized with { Warnings = await warnings.ForAsync(community, session, language, cancellationToken) }
            : authorized with { Kind = SessionOutcomeKind.ChangedMeanwhile };
    }

    public async Task<SessionOutcome> CancelAsync(Person actor, SessionForm form, CancellationToken cancellationToken)
    {
        var authorized = await AuthorizeSessionAsync(actor, form.SessionId, cancellationToken);
        if (authorized.Kind != SessionOutcomeKind.Saved)
        {
            return authorized;
        }
        // A press on an older card (a list, a confirmation) must not cancel the session at a time the coach did not see.
        if (form.Version is { } version && version != authorized.Session!.Version)
        {
            return authorized with { Kind = SessionOutcomeKind.ChangedMeanwhile };
        }
        authorized.Session!.Status = SessionStatus.Cancelled;
        return await SaveAndAnnounceAsync(authorized.Community!, authorized.Session, SessionChange.Cancelled, cancellationToken)
            ? authorized
            : authorized with { Kind = SessionOutcomeKind.ChangedMeanwhile };
    }

    /// <summary>
    /// The change, the plans derived from it (reminders, briefing, cadence) and its announcement are saved together, so
    /// the group hears of every change exactly once and no sweep has to re-plan. False when
    /// another coach changed the session first (its version is a concurrency token): nothing is saved then.
    /// </summary>
    private async Task<bool> SaveAndAnnounceAsync(Community community, Session session, SessionChange change, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(cancellationToken);
            await db.Entry(session).ReloadAsync(cancellationToken);
            return false;
        }
        await plans.RefreshAsync(community.Id, cancellationToken);
        await announcer.AnnounceAsync(community, session, change, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        SessionsLog.Changed(logger, session.Id, community.Id, change, session.Version);
        return true;
    }

    private SessionOutcome Refused(Person actor, long communityId, SessionOutcomeKind kind = SessionOutcomeKind.NotAllowed)
    {
        SessionsLog.Refused(logger, actor.Id, communityId);
        return new SessionOutcome(kind);
    }
}
