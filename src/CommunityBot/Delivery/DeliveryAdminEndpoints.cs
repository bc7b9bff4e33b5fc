using CommunityBot.Admin;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Delivery;

/// <summary>
/// <c>GET /admin/delivery/failed</c>: messages that will not be delivered, with ids and reasons, never texts. Behind the
/// <see cref="AdminPolicy"/>: a tenant admin sees their own tenant's rows only; a loopback caller in Development every
/// tenant's, or those of the <c>tenant</c> it names.
/// </summary>
public static class DeliveryAdminEndpoints
{
    public const int MaxRows = 500;

    public static WebApplication MapDeliveryAdmin(this WebApplication app)
    {
        app.MapGet("/admin/delivery/failed", async (HttpContext http, string? tenant, AppDbContext db, CancellationToken ct) =>
        {
            var choice = AdminTenant.Resolve(http.User, tenant);
            if (choice.Refused)
            {
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }
            var rows = await db.Set<OutboxMessage>().AsNoTracking()
                .Where(m => m.State == OutboxState.Failed || m.State == OutboxState.Unreachable)
                .Where(m => choice.Tenant == null || m.TenantId == choice.Tenant)
                .OrderByDescending(m => m.Id)
                .Take(MaxRows)
                .Select(m => new FailedDelivery(m.Id, m.DedupeKey, m.TenantId, m.ConversationRowId, m.PersonId, m.Purpose, m.State.ToString(), m.LastError, m.Attempts, m.CreatedAt))
                .ToListAsync(ct);
            return Results.Ok(rows);
        }).RequireAuthorization(AdminPolicy.Name);
        return app;
    }
}

/// <summary>One row of the admin view. CreatedAt is Unix milliseconds, as stored.</summary>
public sealed record FailedDelivery(long Id, string DedupeKey, string TenantId, long? ConversationRowId, long? PersonId, string Purpose, string State, string? Reason, int Attempts, long CreatedAt);
