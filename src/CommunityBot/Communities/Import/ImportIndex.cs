using CommunityBot.Communities.Cadence;
using CommunityBot.Intervision;
using CommunityBot.People;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Communities.Import;

/// <summary>
/// What a tenant already holds, read once per import (a few projections, no tracking) so that validating and writing
/// 100,000 rows looks every name up in a dictionary instead of querying or scanning per row. The writer adds what it
/// creates and what it finds stored meanwhile by someone else.
/// </summary>
public sealed class ImportIndex
{
    public Dictionary<string, long> Schools { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>By name in any case: the stored name, id and rhythm kind (a count alone is read against it).</summary>
    public Dictionary<string, (long Id, CadenceKind Kind)> Communities { get; } = new(StringComparer.OrdinalIgnoreCase);

    public Dictionary<string, long> IntervisionGroups { get; } = new(StringComparer.OrdinalIgnoreCase);

    private readonly Dictionary<string, long> peopleByAad = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(long Id, string? Aad)>> peopleByEmail = new(StringComparer.Ordinal);

    public Dictionary<(long CommunityId, long PersonId), long> Memberships { get; } = [];

    /// <summary>People who coach a community now (an intervision group's members must).</summary>
    public HashSet<long> Coaches { get; } = [];

    public static async Task<ImportIndex> LoadAsync(AppDbContext db, string tenantId, CancellationToken ct)
    {
        var index = new ImportIndex();
        foreach (var school in await db.Schools.AsNoTracking().Where(s => s.TenantId == tenantId).Select(s => new { s.Name, s.Id }).ToListAsync(ct))
        {
            index.Schools.TryAdd(school.Name, school.Id);
        }
        foreach (var community in await db.Communities.AsNoTracking().Where(c => c.TenantId == tenantId).OrderBy(c => c.Id)
            .Select(c => new { c.Name, c.Id, c.CadenceKind }).ToListAsync(ct))
        {
            index.Communities.TryAdd(community.Name, (community.Id, community.CadenceKind));
        }
        foreach (var group in await db.Set<IntervisionGroup>().AsNoTracking().Where(g => g.TenantId == tenantId).Select(g => new { g.Name, g.Id }).ToListAsync(ct))
        {
            index.IntervisionGroups.TryAdd(group.Name, group.Id);
        }
        // Oldest first, as PersonMatcher: when two rows share an e-mail, the first one is the person.
        foreach (var person in await db.People.AsNoTracking().Where(p => p.TenantId == tenantId).OrderBy(p => p.Id)
            .Select(p => new { p.Id, p.AadObjectId, p.Email }).ToListAsync(ct))
        {
            index.AddPerson(person.Id, person.AadObjectId, person.Email);
        }
        foreach (var membership in await db.Memberships.AsNoTracking().Where(m => m.Community.TenantId == tenantId)
            .Select(m => new { m.Id, m.CommunityId, m.PersonId, m.Role, m.LeftAt }).ToListAsync(ct))
        {
            index.Memberships[(membership.CommunityId, membership.PersonId)] = membership.Id;
            if (membership is { Role: CommunityRole.Coach, LeftAt: null })
            {
                index.Coaches.Add(membership.PersonId);
            }
        }
        return index;
    }

    public void AddPerson(long id, string? aad, string? email)
    {
        if (aad is not null)
        {
            peopleByAad.TryAdd(aad, id);
        }
        if (email is not null)
        {
            if (!peopleByEmail.TryGetValue(email, out var holders))
            {
                peopleByEmail[email] = holders = [];
            }
            if (!holders.Exists(h => h.Id == id))
            {
                holders.Add((id, aad));
            }
        }
    }

    /// <summary>
    /// <see cref="PersonMatcher"/>'s rule on the index: by Entra object id, then by e-mail when that row does not belong to
    /// another Entra identity.
    /// </summary>
    public long? PersonId(PersonKeys keys)
    {
        if (keys.AadObjectId is { } aad && peopleByAad.TryGetValue(aad, out var byAad))
        {
            return byAad;
        }
        if (keys.Email is { } email && peopleByEmail.TryGetValue(email, out var holders))
        {
            foreach (var holder in holders)
            {
                if (keys.AadObjectId is null || holder.Aad is null || holder.Aad == keys.AadObjectId)
                {
                    return holder.Id;
                }
            }
        }
        return null;
    }

    /// <summary>How a membership or intervision row names a person: an Entra object id or an e-mail/UPN.</summary>
    public long? PersonId(string key) => PersonId(PersonKeys.OfImportKey(key));
}
