using CommunityBot.Agreements;
using CommunityBot.Delivery;
using CommunityBot.Localization;
using CommunityBot.Schedule;
using CommunityBot.Sessions;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Nudges;

/// <summary>
/// The "plan the next session" half of the <see cref="NudgeSweep"/>: whether a community past its
/// <see cref="CadenceDeadline"/> is really behind its norm, the nudge to its coaches, and when it is looked at again.
/// </summary>
public sealed class PlanNudges(AppDbContext db, ContactRules rules, Outbox outbox)
{
    /// <summary>A community that does not answer two "plan a session" nudges has paused; it is not asked again until a session is planned.</summary>
    public const int MaxPlanNudgesPerGap = 2;

    /// <summary>
    /// The gap to nudge about: no planned session ahead and the community's norm about to be missed
    /// (<see cref="CadenceRule"/>, re-checked here against the sessions as they are now). Null when there is none.
    /// </summary>
    public PlanGap? Gap(IReadOnlyList<NudgeSession> sessions, NudgeCommunity community, TimeZoneInfo zone, SchoolCalendar calendar, DateTimeOffset now)
    {
        var kept = sessions.Where(s => s.Status != SessionStatus.Cancelled).ToList();
        if (kept.Count == 0 || kept.Any(s => s.Status == SessionStatus.Planned && s.StartsAt > now))
        {
            return null;
        }
        var due = CadenceRule.Due(community.CadenceKind, community.CadenceCount, [.. kept.Select(s => s.StartsAt)], zone, calendar, rules.Options.CadenceWarningDays);
        if (now < due.NudgeFrom)
        {
            return null;
        }
        var last = kept.Max(s => s.StartsAt);
        // Nudges count from the last session, or from the last time a session was planned (even if it was cancelled since).
        var newestPlanning = sessions.Max(s => s.CreatedAt);
        return new PlanGap(last, newestPlanning > last ? newestPlanning : last, due.SessionsToGo);
    }

    /// <param name="coaches">Those not yet asked this week (the sweep looked up the keys).</param>
    public async Task NudgeAsync(NudgeCommunity community, PlanGap gap, TimeZoneInfo zone, string week, IReadOnlyList<CommunityPerson> coaches, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var coach in coaches)
        {
            if (await outbox.CountForPersonSinceAsync(KeyPrefix(community.Id), coach.PersonId, gap.CountFrom, ct) >= MaxPlanNudgesPerGap)
            {
                continue;
            }
            var card = PlanSessionNudgeCard.Build(community.Id, community.Name, Formats.Day(gap.LastSession, zone, coach.Language, now),
                new CadenceNudge(community.CadenceKind, community.CadenceCount, gap.SessionsToGo), coach.Language);
            await outbox.EnqueueAsync(new OutgoingMessage
            {
                DedupeKey = Key(community.Id, week, coach.PersonId),
                TenantId = community.TenantId,
                PersonId = coach.PersonId,
                Card = card,
                Purpose = "nudge",
                Priority = DeliveryPriority.Normal,
            }, ct);
        }
    }

    /// <summary>
    /// A plan nudge goes out at most once a week, so a community handled this week (nudged, or paused after
    /// <see cref="MaxPlanNudgesPerGap"/>) is due again next Monday, not every minute. Conditional: a session planned
    /// or a norm changed meanwhile has moved the deadline, and that move wins.
    /// </summary>
    public async Task PostponeToNextWeekAsync(NudgeCommunity community, DateTimeOffset seen, DateTimeOffset now, CancellationToken ct)
    {
        var zone = LocalClock.Zone(community.TimeZone);
        var today = DateOnly.FromDateTime(LocalClock.ToLocal(now, zone));
        var daysToMonday = ((int)DayOfWeek.Monday - (int)today.DayOfWeek + 7) % 7;
        var nextMonday = LocalClock.ToInstant(today.AddDays(daysToMonday == 0 ? 7 : daysToMonday), TimeOnly.MinValue, zone);
        await db.CadenceDeadlines.Where(d => d.CommunityId == community.Id && d.NudgeFrom == seen)
            .ExecuteUpdateAsync(set => set.SetProperty(d => d.NudgeFrom, nextMonday), ct);
    }

    public static string Key(long communityId, string week, long coachId) => $"{KeyPrefix(communityId)}{week}:{coachId}";

    private static string KeyPrefix(long communityId) => $"nudge:plan:{communityId}:";
}
