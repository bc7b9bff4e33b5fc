using CommunityBot.Agreements;
using CommunityBot.Delivery;
using CommunityBot.Sessions;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.SessionAttendance;

/// <summary>When a session ends, its coaches get the attendance card, prefilled from regrets; once per session and coach.</summary>
internal sealed class AttendanceCardSender(AppDbContext db, AttendanceRegister register, Outbox outbox) : ISessionsHeldListener
{
    public async Task SessionsHeldAsync(IReadOnlyList<Session> sessions, CancellationToken ct)
    {
        foreach (var session in sessions)
        {
            var tenantId = await db.Communities.Where(c => c.Id == session.CommunityId).Select(c => c.TenantId).SingleAsync(ct);
            var coaches = CommunityPeople.Coaches(await CommunityPeople.ActiveAsync(db, session.CommunityId, ct));
            if (coaches.Count == 0)
            {
                continue;
            }
            var sheet = await register.SheetAsync(session.Id, ct);
            foreach (var coach in coaches)
            {
                await outbox.EnqueueAsync(new OutgoingMessage
                {
                    DedupeKey = $"attendance:{session.Id}:{coach.PersonId}",
                    TenantId = tenantId,
                    PersonId = coach.PersonId,
                    Card = AttendanceCard.Build(sheet, coach.Language),
                    Purpose = "attendance",
                    Priority = DeliveryPriority.Normal,
                }, ct);
            }
        }
    }
}
