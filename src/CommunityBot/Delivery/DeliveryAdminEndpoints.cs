using CommunityBot.Storage;
using CommunityBot.Teams.Hosting;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Delivery;

/// <summary>
/// <c>GET /admin/delivery/failed</c>: messages that will not be delivered, with ids and reasons, never texts. Until
/// the host has admin authentication it exists only in Development and answers only callers on this machine.
/// </summary>
public static class DeliveryAdminEndpoints
{
    public const int MaxRows = 500;

    public static WebApplication MapDeliveryAdmin(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            return app;
        }
        app.MapGet("/admin/delivery/failed", async (HttpContext http, AppDbContext db, CancellationToken ct) =>
        {
            if (!LoopbackGuard.IsLoopback(http.Connection.RemoteIpAddress))
            {
                return Results.NotFound();
            }
            var rows = await db.Set<OutboxMessage>().AsNoTracking()
                .Where(m => m.State == OutboxState.Failed || m.State == OutboxState.Unreachable)
                .OrderByDescending(m => m.Id)
                .Take(MaxRows)
                .Select(m => new FailedDelivery(m.Id, m.DedupeKey, m.TenantId, m.ConversationRowId, m.PersonId, m.Purpose, m.State.ToString(), m.LastError, m.Attempts, m.CreatedAt))
                .ToListAsync(ct);
            return Results.Ok(rows);
        });
        return app;
    }
}

/// <summary>One row of the admin view. CreatedAt is Unix milliseconds, as stored.</summary>
public sealed record FailedDelivery(long Id, string DedupeKey, string TenantId, long? ConversationRowId, long? PersonId, string Purpose, string State, string? Reason, int Attempts, long CreatedAt);
