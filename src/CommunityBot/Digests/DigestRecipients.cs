using CommunityBot.Communities;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Digests;

/// <summary>Who receives a digest in a tenant, and which communities each one's digest covers.</summary>
public sealed class DigestRecipients(AppDbContext db)
{
    public async Task<IReadOnlyList<DigestRecipient>> ForTenantAsync(string tenantId, CancellationToken ct)
    {
        var rows = await db.Memberships.AsNoTracking()
            .Where(m => m.LeftAt == null && m.Role == CommunityRole.Leader && m.Community.TenantId == tenantId)
            .Select(m => new { m.PersonId, m.Person.DisplayName, m.Person.Language, m.CommunityId })
            .ToListAsync(ct);
        return [.. rows.GroupBy(r => r.PersonId).Select(g => new DigestRecipient(
            g.Key, tenantId, g.First().DisplayName ?? "", g.First().Language, DigestAudience.Leader, [.. g.Select(r => r.CommunityId).Order()]))];
    }

    public async Task<DigestRecipient?> ForPersonAsync(string tenantId, long personId, CancellationToken ct) =>
        (await ForTenantAsync(tenantId, ct)).FirstOrDefault(r => r.PersonId == personId);
}
