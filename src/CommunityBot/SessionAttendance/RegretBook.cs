using CommunityBot.Agreements;
using CommunityBot.Communities;
using CommunityBot.Delivery;
using CommunityBot.Localization;
using CommunityBot.People;
using CommunityBot.Schedule;
using CommunityBot.Sessions;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.SessionAttendance;

public enum RegretOutcome
{
    /// <summary>Regrets sent or taken back; the coach is told.</summary>
    Changed,

    /// <summary>Already so (a second tap, or regrets sent on another card): nothing changes, nobody is told again.</summary>
    Unchanged,

    UnknownSession,

    /// <summary>The session has begun, was held or cancelled: regrets are for sessions still to come.</summary>
    NotAhead,
}

public sealed record RegretResult(RegretOutcome Outcome, Session? Session = null);

/// <summary>
/// Regrets for a session and taking them back. Only the member and the coach know: the coach gets a 1:1 message (with
/// the reason, if any), the channel never hears of it. Every call re-checks the actor's membership; nothing trusts card data.
/// </summary>
public sealed class RegretBook(AppDbContext db, CommunityDirectory access, Outbox outbox, TimeProvider clock, ILogger<RegretBook> logger)
{
    public async Task<RegretResult> SendAsync(Person actor, long sessionId, string? reason, CancellationToken ct)
    {
        var (refusal, session) = await CheckAsync(actor, sessionId, ct);
        if (refusal is not null)
        {
            return refusal;
        }
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Two taps at once insert one row; the second finds it and tells nobody again.
        if (!await db.InsertOrIgnoreAsync(new Regret { SessionId = session!.Id, PersonId = actor.Id, Reason = reason, At = clock.GetUtcNow() }, ct))
        {
            return new RegretResult(RegretOutcome.Unchanged, session);
        }
        var regretId = await db.Regrets.Where(r => r.SessionId == session.Id && r.PersonId == actor.Id).Select(r => r.Id).SingleAsync(ct);
        await TellCoachesAsync(actor, session, $"regret:{regretId}", (texts, name, day) => texts.CoachRegret(name, session.Community.Name, day, reason), ct);
        await transaction.CommitAsync(ct);
        AttendanceLog.RegretsSent(logger, actor.Id, session.Id);
        return new RegretResult(RegretOutcome.Changed, session);
    }

    public async Task<RegretResult> TakeBackAsync(Person actor, long sessionId, CancellationToken ct)
    {
        var (refusal, session) = await CheckAsync(actor, sessionId, ct);
        if (refusal is not null)
        {
            return refusal;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var regretId = await db.Regrets.Where(r => r.SessionId == session!.Id && r.PersonId == actor.Id).Select(r => (long?)r.Id).SingleOrDefaultAsync(ct);
        // The delete decides: of two taps at once, only the one that removed the row tells the coach.
        if (regretId is null || await db.Regrets.Where(r => r.Id == regretId).ExecuteDeleteAsync(ct) == 0)
        {
            return new RegretResult(RegretOutcome.Unchanged, session);
        }
        await TellCoachesAsync(actor, session!, $"regret-taken-back:{regretId}", (texts, name, day) => texts.CoachComingAfterAll(name, session!.Community.Name, day), ct);
        await transaction.CommitAsync(ct);
        AttendanceLog.RegretsTakenBack(logger, actor.Id, session!.Id);
        return new RegretResult(RegretOutcome.Changed, session);
    }

    private async Task<(RegretResult? Refusal, Session? Session)> CheckAsync(Person actor, long sessionId, CancellationToken ct)
    {
        var session = await db.Sessions.AsNoTracking().Include(s => s.Community)
            .SingleOrDefaultAsync(s => s.Id == sessionId && s.Community.TenantId == actor.TenantId, ct);
        // A session of a community the actor is not in answers as one that does not exist.
        if (session is null || !await access.IsMemberAsync(actor, session.CommunityId, ct))
        {
            return (new RegretResult(RegretOutcome.UnknownSession), null);
        }
        if (session.Status != SessionStatus.Planned || session.StartsAt <= clock.GetUtcNow())
        {
            return (new RegretResult(RegretOutcome.NotAhead, session), null);
        }
        return (null, session);
    }

    private async Task TellCoachesAsync(Person actor, Session session, string keyPrefix, Func<AttendanceTexts, string, string, string> text, CancellationToken ct)
    {
        var zone = LocalClock.Zone(session.Community.TimeZone);
        var people = await CommunityPeople.ActiveAsync(db, session.CommunityId, ct);
        foreach (var coach in CommunityPeople.Coaches(people).Where(c => c.PersonId != actor.Id))
        {
            await outbox.EnqueueAsync(new OutgoingMessage
            {
                DedupeKey = $"{keyPrefix}:{coach.PersonId}",
                TenantId = session.Community.TenantId,
                PersonId = coach.PersonId,
                Text = text(AttendanceTexts.All.For(coach.Language), PersonRef.NameOf(actor), Formats.DayAndTime(session.StartsAt, zone, coach.Language, clock.GetUtcNow())),
                Purpose = "regrets",
                Priority = DeliveryPriority.Interactive,
            }, ct);
        }
    }
}
