using CommunityBot.Agreements;
using CommunityBot.Delivery;
using CommunityBot.Schedule;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.CheckIns;

/// <summary>
/// When a round closes, each coach of the community gets its result card, enqueued in the closing transaction under a
/// key per round and coach, so a round is reported once however often closing is retried.
/// </summary>
public sealed class CheckInResultSender(
    AppDbContext db, CheckInAggregator aggregator, InstrumentCatalog catalog, Outbox outbox, ContactRules rules, TimeProvider clock, ILogger<CheckInResultSender> logger)
    : ICheckInClosedListener
{
    public const string Purpose = "checkin-result";

    public static string DedupeKey(long checkInId, long coachId) => $"{Purpose}:{checkInId}:p{coachId}";

    public async Task ClosedAsync(long checkInId, CancellationToken ct)
    {
        var checkIn = await db.CheckIns.AsNoTracking().Include(c => c.Community).SingleAsync(c => c.Id == checkInId, ct);
        var result = await aggregator.ForCheckInAsync(checkInId, CheckInAudience.Coach, ct);
        var previous = await PreviousAsync(checkIn, ct);
        var instrument = catalog.Find(checkIn.InstrumentVersion)
            ?? throw new InvalidOperationException($"Check-in {checkIn.Id} asks instrument version {checkIn.InstrumentVersion}, which is not shipped.");
        var zone = LocalClock.Zone(checkIn.Community.TimeZone);
        // A round may close at night or in a holiday; the card waits for the next moment the coach may be written to.
        var notBefore = rules.NextContactMoment(clock.GetUtcNow(), zone);
        var coaches = CommunityPeople.Coaches(await CommunityPeople.ActiveAsync(db, checkIn.CommunityId, ct));
        foreach (var coach in coaches)
        {
            await outbox.EnqueueAsync(new OutgoingMessage
            {
                DedupeKey = DedupeKey(checkInId, coach.PersonId),
                TenantId = checkIn.Community.TenantId,
                PersonId = coach.PersonId,
                Card = CheckInResultCard.Build(checkIn.Community.Name, zone, result!, previous, instrument, coach.Language),
                NotBefore = notBefore,
                Purpose = Purpose,
            }, ct);
        }
        CheckInsLog.ResultEnqueued(logger, checkInId, coaches.Count);
    }

    /// <summary>The community's closed round before this one, for the change since last time; null when it released nothing.</summary>
    private async Task<CheckInAggregate?> PreviousAsync(CheckIn checkIn, CancellationToken ct)
    {
        var previousId = await db.CheckIns.AsNoTracking()
            .Where(c => c.CommunityId == checkIn.CommunityId && c.State == CheckInState.Closed && c.OpensAt < checkIn.OpensAt)
            .OrderByDescending(c => c.OpensAt).Select(c => (long?)c.Id).FirstOrDefaultAsync(ct);
        return previousId is { } id ? await aggregator.ForCheckInAsync(id, CheckInAudience.Leader, ct) as CheckInAggregate : null;
    }
}
