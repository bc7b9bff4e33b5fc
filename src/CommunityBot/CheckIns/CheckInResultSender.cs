using CommunityBot.Agreements;
using CommunityBot.Delivery;
using CommunityBot.Schedule;
using CommunityBot.Storage;

namespace CommunityBot.CheckIns;

/// <summary>
/// When a round closes, each coach of the community gets its result card, enqueued in the closing transaction under a
/// key per round and coach, so a round is reported once however often closing is retried.
/// </summary>
public sealed class CheckInResultSender(
    AppDbContext db, CheckInReports reports, Outbox outbox, TenantContactRules tenantRules, TimeProvider clock, ILogger<CheckInResultSender> logger)
    : ICheckInClosedListener
{
    public const string Purpose = "checkin-result";

    public static string DedupeKey(long checkInId, long coachId) => $"{Purpose}:{checkInId}:p{coachId}";

    public async Task ClosedAsync(long checkInId, CancellationToken ct)
    {
        var report = await reports.ForAsync(checkInId, ct);
        // A round may close at night or in a holiday; the card waits for the next moment the coach may be written to.
        var rules = await tenantRules.ForAsync(report.CheckIn.Community.TenantId, ct);
        var now = clock.GetUtcNow();
        var notBefore = rules.NextContactMoment(now, report.Zone);
        var coaches = CommunityPeople.Coaches(await CommunityPeople.ActiveAsync(db, report.CheckIn.CommunityId, ct));
        foreach (var coach in coaches)
        {
            await outbox.EnqueueAsync(new OutgoingMessage
            {
                DedupeKey = DedupeKey(checkInId, coach.PersonId),
                TenantId = report.CheckIn.Community.TenantId,
                PersonId = coach.PersonId,
                Card = report.Card(now, coach.Language),
                NotBefore = notBefore,
                Purpose = Purpose,
                Priority = DeliveryPriority.Bulk,
            }, ct);
        }
        CheckInsLog.ResultEnqueued(logger, checkInId, coaches.Count);
    }
}
