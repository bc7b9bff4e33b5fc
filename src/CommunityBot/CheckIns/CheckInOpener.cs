using CommunityBot.Communities;
using CommunityBot.Delivery;
using CommunityBot.Schedule;
using CommunityBot.Storage;
using CommunityBot.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityBot.CheckIns;

/// <summary>
/// Opens a community's round and hands the form to each active plain member through the outbox, in one transaction.
/// The schedule and the dev command both come here; the one-open-round index makes a second opener find the first's round.
/// </summary>
public sealed class CheckInOpener(
    AppDbContext db, CheckInBook book, CheckInCloser closer, TenantContactRules tenantRules, ITenantSettings tenants, Outbox outbox,
    IOptions<CheckInsOptions> options, TimeProvider clock, ILogger<CheckInOpener> logger)
{
    /// <summary>The community's open round, or a new one asking the community's instrument version.</summary>
    public async Task<CheckIn> OpenAsync(long communityId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var open = await OpenRoundAsync(communityId, ct);
        if (open is not null && open.ClosesAt > now)
        {
            return open;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (open is not null)
        {
            // Its window passed before the sweep closed it: closed (and reported) first, so the new round can open.
            await closer.CloseAsync(open, ct);
        }
        var community = await db.Communities.AsNoTracking().SingleAsync(c => c.Id == communityId, ct);
        var invited = await ActiveMembers.At(db, communityId, now).Where(m => m.Role == CommunityRole.Member)
            .Select(m => m.Person).ToListAsync(ct);
        var closesAt = now + options.Value.Window;
        var settings = await tenants.ForTenantAsync(community.TenantId, ct);
        var calendar = (await tenantRules.ForAsync(community.TenantId, ct)).Calendar;
        var checkIn = new CheckIn
        {
            CommunityId = communityId,
            InstrumentVersion = community.CheckInInstrumentVersion,
            OpensAt = now,
            ClosesAt = closesAt,
            State = CheckInState.Open,
            InvitedCount = invited.Count,
            ReminderDueAt = ReminderMoment(now, closesAt, LocalClock.Zone(community.TimeZone), calendar),
        };
        // The one-open-round index: when another instance (or the dev command) opened the community's round in the
        // meantime, nothing is inserted and that round counts.
        if (!await db.InsertOrIgnoreAsync(checkIn, ct))
        {
            await transaction.RollbackAsync(ct);
            return (await OpenRoundAsync(communityId, ct))!;
        }
        checkIn.Id = (await OpenRoundAsync(communityId, ct))!.Id;
        foreach (var person in invited)
        {
            var own = await book.OwnAsync(person, communityId, ct);
            await outbox.EnqueueAsync(new OutgoingMessage
            {
                DedupeKey = $"checkin:{checkIn.Id}:{person.Id}",
                TenantId = community.TenantId,
                PersonId = person.Id,
                Card = CheckInCard.Build(own, own.Round(checkIn.Id)!, settings.MinimumResponses, now, person.Language),
                Purpose = "checkin",
                Priority = DeliveryPriority.Bulk,
            }, ct);
        }
        await transaction.CommitAsync(ct);
        CheckInsLog.Opened(logger, checkIn.Id, communityId, checkIn.InvitedCount);
        return checkIn;
    }

    private Task<CheckIn?> OpenRoundAsync(long communityId, CancellationToken ct) =>
        db.CheckIns.SingleOrDefaultAsync(c => c.CommunityId == communityId && c.State == CheckInState.Open, ct);

    /// <summary>
    /// <see cref="CheckInsOptions.ReminderAfterDays"/> after opening, a weekend moving it to the next school day; none
    /// when a holiday lies in between (nobody is written to in a holiday) or it would come after closing.
    /// </summary>
    private DateTimeOffset? ReminderMoment(DateTimeOffset opensAt, DateTimeOffset closesAt, TimeZoneInfo zone, SchoolCalendar calendar)
    {
        var day = DateOnly.FromDateTime(LocalClock.ToLocal(opensAt, zone)).AddDays(options.Value.ReminderAfterDays);
        while (!calendar.IsSchoolDay(day))
        {
            if (calendar.HolidayOn(day) is not null)
            {
                return null;
            }
            day = day.AddDays(1);
        }
        var moment = LocalClock.ToInstant(day, options.Value.LocalTime, zone);
        return moment < closesAt ? moment : null;
    }
}
