using CommunityBot.Agreements;
using CommunityBot.Communities.Roles;
using CommunityBot.Delivery;
using CommunityBot.Localization;
using CommunityBot.People;
using CommunityBot.Schedule;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Communities.Participation;

/// <summary>
/// A member's own choices about taking part: pause, come back, leave. Taking part is voluntary, so none of these
/// is announced to the group; the community's process coaches are told one-to-one, in the same transaction.
/// </summary>
public sealed class MemberParticipation(
    AppDbContext db,
    OwnershipRelease release,
    Outbox outbox,
    TimeProvider clock,
    ILogger<MemberParticipation> logger)
{
    /// <summary>Pauses every community the person is in, until the end of <see cref="PauseRequest.LastDay"/> or until <c>back</c>.</summary>
    public async Task<ParticipationResult> PauseAsync(Person person, PauseRequest request, CancellationToken ct)
    {
        var memberships = await ActiveMembershipsAsync(person, ct);
        if (memberships.Count == 0)
        {
            return new ParticipationResult(ParticipationOutcome.NotAMember, []);
        }
        var now = clock.GetUtcNow();
        if (request.LastDay is { } lastDay && FirstMomentAfter(lastDay, memberships[0].Community) <= now)
        {
            return new ParticipationResult(ParticipationOutcome.DateInPast, []);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var membership in memberships)
        {
            membership.PausedFrom = now;
            membership.PausedUntil = request.LastDay is { } day ? FirstMomentAfter(day, membership.Community) : null;
            membership.PauseReason = request.Reason;
        }
        await db.SaveChangesAsync(ct);
        foreach (var membership in memberships)
        {
            await TellCoachesAsync(membership, person, $"pause:{membership.Id}:{now.ToUnixTimeMilliseconds()}", (texts, language) =>
            {
                var name = PersonRef.NameOf(person);
                var line = request.LastDay is { } day
                    ? string.Format(texts.CoachPausedUntil, name, membership.Community.Name, DayOf(day, membership.Community, language, now))
                    : string.Format(texts.CoachPausedOpen, name, membership.Community.Name);
                var reason = request.Reason is { } r ? " " + string.Format(texts.CoachReason, r.TrimEnd('.')) : "";
                return $"{line}{reason} {texts.CoachGroupNotTold}";
            }, ct);
            CommunitiesLog.Paused(logger, membership.Id);
        }
        await transaction.CommitAsync(ct);
        return new ParticipationResult(ParticipationOutcome.Done, [.. memberships.Select(m => m.Community)]);
    }

    /// <summary>Ends every pause of the person that runs now.</summary>
    public async Task<ParticipationResult> ResumeAsync(Person person, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var paused = (await ActiveMembershipsAsync(person, ct)).Where(m => m.IsPausedAt(now)).ToList();
        if (paused.Count == 0)
        {
            return new ParticipationResult(ParticipationOutcome.NotPaused, []);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var membership in paused)
        {
            membership.PausedUntil = now;
        }
        await db.SaveChangesAsync(ct);
        foreach (var membership in paused)
        {
            await TellCoachesAsync(membership, person, $"back:{membership.Id}:{now.ToUnixTimeMilliseconds()}",
                (texts, _) => string.Format(texts.CoachBack, PersonRef.NameOf(person), membership.Community.Name), ct);
            CommunitiesLog.Resumed(logger, membership.Id);
        }
        await transaction.CommitAsync(ct);
        return new ParticipationResult(ParticipationOutcome.Done, [.. paused.Select(m => m.Community)]);
    }

    /// <summary>
    /// The person leaves the community: no more reminders, their open agreements lose them as owner (the coach is
    /// told which of their own ones need a new owner), and the change is kept as history.
    /// </summary>
    public async Task<ParticipationResult> LeaveAsync(Person person, long communityId, CancellationToken ct)
    {
        var membership = (await ActiveMembershipsAsync(person, ct)).SingleOrDefault(m => m.CommunityId == communityId);
        if (membership is null)
        {
            return new ParticipationResult(ParticipationOutcome.NotAMember, []);
        }
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await CommunityRowLock.LockAsync(db, communityId, ct);
        if (membership.Role == CommunityRole.Coach
            && !await db.Memberships.AnyAsync(m => m.CommunityId == communityId && m.PersonId != person.Id && m.Role == CommunityRole.Coach && m.LeftAt == null, ct))
        {
            await transaction.RollbackAsync(ct);
            return new ParticipationResult(ParticipationOutcome.LastCoach, [membership.Community]);
        }
        membership.LeftAt = now;
        db.CommunityChanges.Add(new CommunityChange
        {
            CommunityId = communityId,
            ByPersonId = person.Id,
            At = now,
            Kind = CommunityChangeKind.Role,
            SubjectPersonId = person.Id,
            OldValue = membership.Role.ToString(),
            NewValue = RoleValues.Left,
        });
        await db.SaveChangesAsync(ct);
        var orphaned = await release.ReleaseAllAsync(communityId, person.Id, ct);
        await TellCoachesAsync(membership, person, $"left:{membership.Id}:{now.ToUnixTimeMilliseconds()}", (texts, _) =>
        {
            var line = string.Format(texts.CoachLeft, PersonRef.NameOf(person), membership.Community.Name);
            return orphaned.Count == 0 ? line : $"{line} {string.Format(texts.CoachReassign, string.Join("; ", orphaned.Select(t => $"'{t}'")))}";
        }, ct);
        await transaction.CommitAsync(ct);
        CommunitiesLog.Left(logger, membership.Id);
        return new ParticipationResult(ParticipationOutcome.Done, [membership.Community]);
    }

    /// <summary>The day as the member and coach read it, e.g. "zondag 15 maart".</summary>
    public static string DayOf(DateOnly day, Community community, Language language, DateTimeOffset now)
    {
        var zone = LocalClock.Zone(community.TimeZone);
        return Formats.Day(LocalClock.ToInstant(day, new TimeOnly(12, 0), zone), zone, language, now);
    }

    /// <summary>The pause covers its last day entirely: it ends at midnight after it, in the community's time zone.</summary>
    private static DateTimeOffset FirstMomentAfter(DateOnly lastDay, Community community) =>
        LocalClock.ToInstant(lastDay.AddDays(1), TimeOnly.MinValue, LocalClock.Zone(community.TimeZone));

    private async Task<List<Membership>> ActiveMembershipsAsync(Person person, CancellationToken ct) =>
        await db.Memberships.Include(m => m.Community)
            .Where(m => m.PersonId == person.Id && m.LeftAt == null && m.Community.TenantId == person.TenantId)
            .OrderBy(m => m.Community.Name)
            .ToListAsync(ct);

    /// <summary>One-to-one to each process coach (the coach-the-coach when there is none), in their language; never to the person themselves.</summary>
    private async Task TellCoachesAsync(Membership membership, Person person, string key, Func<ParticipationTexts, Language, string> text, CancellationToken ct)
    {
        var people = await CommunityPeople.ActiveAsync(db, membership.CommunityId, ct);
        foreach (var coach in CommunityPeople.Coaches(people).Where(c => c.PersonId != person.Id))
        {
            await outbox.EnqueueAsync(new OutgoingMessage
            {
                DedupeKey = $"{key}:{coach.PersonId}",
                TenantId = membership.Community.TenantId,
                PersonId = coach.PersonId,
                Text = text(ParticipationTexts.All.For(coach.Language), coach.Language),
                Purpose = "participation",
                Priority = DeliveryPriority.Normal,
            }, ct);
        }
    }
}
