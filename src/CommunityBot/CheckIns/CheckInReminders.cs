using CommunityBot.Communities;
using CommunityBot.Delivery;
using CommunityBot.Localization;
using CommunityBot.Schedule;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.CheckIns;

/// <summary>
/// The one reminder of a round, to the active plain members who have not answered. Who answered is read through the
/// pseudonyms only; who was reminded is not stored beyond the outbox message that delivers it.
/// </summary>
public sealed class CheckInReminders(AppDbContext db, CheckInPseudonyms pseudonyms, TenantContactRules tenantRules, Outbox outbox, ILogger<CheckInReminders> logger)
{
    public async Task RunAsync(DateTimeOffset now, CancellationToken ct)
    {
        // Through the ReminderDueAt index: only rounds whose reminder is due.
        var due = await db.CheckIns.Include(c => c.Community).Where(c => c.ReminderDueAt != null && c.ReminderDueAt <= now).ToListAsync(ct);
        foreach (var checkIn in due)
        {
            var zone = LocalClock.Zone(checkIn.Community.TimeZone);
            var rules = await tenantRules.ForAsync(checkIn.Community.TenantId, ct);
            if (!checkIn.IsOpenAt(now) || rules.Calendar.HolidayOn(DateOnly.FromDateTime(LocalClock.ToLocal(now, zone))) is not null)
            {
                // Closed, or a late run landed in a holiday: the reminder is skipped, not postponed.
                checkIn.ReminderDueAt = null;
                continue;
            }
            if (!rules.MayContactAt(now, zone))
            {
                continue;
            }
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var reminded = await RemindAsync(checkIn, now, zone, ct);
            checkIn.ReminderDueAt = null;
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            CheckInsLog.Reminded(logger, checkIn.Id, reminded);
        }
        await db.SaveChangesAsync(ct);
    }

    private async Task<int> RemindAsync(CheckIn checkIn, DateTimeOffset now, TimeZoneInfo zone, CancellationToken ct)
    {
        var answered = (await db.CheckInResponses.Where(r => r.CheckInId == checkIn.Id && r.KeyVersion == pseudonyms.KeyVersion)
            .Select(r => r.Pseudonym).ToListAsync(ct)).ToHashSet();
        var members = await ActiveMembers.At(db, checkIn.CommunityId, now).Where(m => m.Role == CommunityRole.Member)
            .Select(m => new { m.PersonId, m.Person.Language }).ToListAsync(ct);
        var open = members.Where(m => !answered.Contains(pseudonyms.For(checkIn.CommunityId, m.PersonId))).ToList();
        foreach (var member in open)
        {
            var texts = CheckInTexts.All.For(member.Language);
            await outbox.EnqueueAsync(new OutgoingMessage
            {
                DedupeKey = $"checkin-reminder:{checkIn.Id}:{member.PersonId}",
                TenantId = checkIn.Community.TenantId,
                PersonId = member.PersonId,
                Text = texts.Reminder(checkIn.Community.Name, Formats.DayAndTime(checkIn.ClosesAt, zone, member.Language, now)),
                Purpose = "checkin-reminder",
                Priority = DeliveryPriority.Bulk,
            }, ct);
        }
        return open.Count;
    }
}
