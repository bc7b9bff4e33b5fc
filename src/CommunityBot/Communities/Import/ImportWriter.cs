using System.Security.Cryptography;
using System.Text;
using CommunityBot.Communities.Cadence;
using CommunityBot.Delivery;
using CommunityBot.Intervision;
using CommunityBot.Localization;
using CommunityBot.People;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityBot.Communities.Import;

/// <summary>
/// Writes a validated file in short transactions of <see cref="ImportOptions.BatchRows"/> rows, or
/// <see cref="ImportOptions.PostgreSqlBatchRows"/> on PostgreSQL: schools, communities, people, memberships, then the
/// intervision groups. Each batch has a scope of its own and, on SQLite, goes through this instance's write gate, so the
/// bot's own writes wait at most one batch. Every batch is complete or absent: a file
/// re-imported after a crash finds what was stored and adds the rest. A row someone else stored at that moment (a team
/// install creating the same community, another import of an overlapping file) is found by its unique key as the batch
/// inserts (<see cref="InsertOrIgnore.InsertOrGetAsync"/>) and updated like a known one; people known by e-mail alone,
/// who have no unique key, are written one batch at a time per tenant and read again inside it. No row is written
/// through EF's change tracking but the known rows an import updates.
/// </summary>
public sealed class ImportWriter(IServiceScopeFactory scopes, SqliteWriteGate gate, IOptions<ImportOptions> options, TimeProvider clock)
{
    /// <param name="progress">Called after each committed batch with the summary so far and the rows written.</param>
    public async Task<ImportSummary> WriteAsync(string tenantId, ImportFile file, Func<ImportSummary, int, Task> progress, CancellationToken ct)
    {
        var (index, postgres) = await LoadIndexAsync(tenantId, ct);
        var run = new Run(index, progress);
        var batchRows = postgres ? options.Value.PostgreSqlBatchRows : options.Value.BatchRows;
        foreach (var batch in file.Schools.Where(s => !run.Index.Schools.ContainsKey(s.Name!)).Chunk(batchRows))
        {
            await BatchAsync(run, batch.Length, WriteSchoolsAsync(tenantId, batch), ct);
        }
        foreach (var batch in file.Communities.Chunk(batchRows))
        {
            await BatchAsync(run, batch.Length, WriteCommunitiesAsync(tenantId, batch), ct);
        }
        // SQLite's write gate already takes one batch at a time.
        var peopleLock = postgres ? PeopleLock(tenantId) : (long?)null;
        foreach (var batch in file.People.Chunk(batchRows))
        {
            await BatchAsync(run, batch.Length, WritePeopleAsync(tenantId, peopleLock, batch), ct);
        }
        foreach (var batch in file.Memberships.Chunk(batchRows))
        {
            await BatchAsync(run, batch.Length, WriteMembershipsAsync(batch), ct);
        }
        if (file.IntervisionGroups.Count + file.IntervisionMembers.Count > 0)
        {
            await BatchAsync(run, file.IntervisionGroups.Count + file.IntervisionMembers.Count,
                (scope, index, summary, token) => scope.GetRequiredService<IntervisionImport>().ApplyAsync(tenantId, file, index, summary, token), ct);
        }
        return run.Summary;
    }

    private async Task<(ImportIndex Index, bool Postgres)> LoadIndexAsync(string tenantId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return (await ImportIndex.LoadAsync(db, tenantId, ct), db.Database.IsNpgsql());
    }

    /// <summary>One batch's work in its scope: returns the summary with its counts and registers new ids in the index once saved.</summary>
    private delegate Task<ImportSummary> BatchWrite(IServiceProvider scope, ImportIndex index, ImportSummary summary, CancellationToken ct);

    /// <summary>One import's state across its batches.</summary>
    private sealed class Run(ImportIndex index, Func<ImportSummary, int, Task> progress)
    {
        public ImportIndex Index { get; } = index;
        public ImportSummary Summary { get; set; } = new();
        public int RowsDone { get; set; }
        public Func<ImportSummary, int, Task> Progress { get; } = progress;
    }

    private async Task BatchAsync(Run run, int rows, BatchWrite write, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        gate.Prioritise(db, WritePriority.Bulk);
        run.Summary = await gate.WriteAsync(db, async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var summary = await write(scope.ServiceProvider, run.Index, run.Summary, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return summary;
        }, ct);
        run.RowsDone += rows;
        await run.Progress(run.Summary, run.RowsDone);
    }

    private static BatchWrite WriteSchoolsAsync(string tenantId, ImportSchool[] rows) => async (scope, index, summary, ct) =>
    {
        var db = scope.GetRequiredService<AppDbContext>();
        var schools = rows.Where(r => !index.Schools.ContainsKey(r.Name!)).Select(r => new School { TenantId = tenantId, Name = r.Name! }).ToList();
        var inserted = await db.InsertOrGetAsync(schools, s => new { s.TenantId, s.Name }, ct);
        schools.ForEach(s => index.Schools[s.Name] = s.Id);
        return summary with { SchoolsCreated = summary.SchoolsCreated + inserted.Count(i => i) };
    };

    private BatchWrite WriteCommunitiesAsync(string tenantId, ImportCommunity[] rows) => async (scope, index, summary, ct) =>
    {
        var db = scope.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow();
        List<Community> cadenceChanged = [];
        List<Community> rhythmChanged = [];
        var fresh = rows.Where(r => !index.Communities.ContainsKey(r.Name!)).ToList();
        var created = fresh.Select(r => new Community { TenantId = tenantId, Name = r.Name!, CreatedAt = now }).ToList();
        for (var i = 0; i < fresh.Count; i++)
        {
            Apply(fresh[i], created[i], cadenceChanged, rhythmChanged);
        }
        var inserted = await db.InsertOrGetAsync(created, c => new { c.TenantId, c.Name }, ct);
        HashSet<string> insertedNames = new(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < created.Count; i++)
        {
            index.Communities[created[i].Name] = (created[i].Id, created[i].CadenceKind);
            if (inserted[i])
            {
                insertedNames.Add(created[i].Name);
            }
        }
        // One stored meanwhile by someone else is updated below, like one stored before: its rhythm is theirs until applied.
        cadenceChanged.RemoveAll(c => !insertedNames.Contains(c.Name));
        rhythmChanged.RemoveAll(c => !insertedNames.Contains(c.Name));
        summary = summary with { CommunitiesCreated = summary.CommunitiesCreated + insertedNames.Count };

        var known = rows.Where(r => !insertedNames.Contains(r.Name!)).ToList();
        var ids = known.Select(r => index.Communities[r.Name!].Id).ToList();
        var existing = ids.Count == 0 ? [] : await db.Communities.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        List<Community> written = [];
        foreach (var row in known)
        {
            if (!existing.TryGetValue(index.Communities[row.Name!].Id, out var community))
            {
                community = new Community { TenantId = tenantId, Name = row.Name!, CreatedAt = now };
                db.Communities.Add(community);
                summary = summary with { CommunitiesCreated = summary.CommunitiesCreated + 1 };
            }
            else
            {
                summary = summary with { CommunitiesUpdated = summary.CommunitiesUpdated + 1 };
            }
            written.Add(community);
            Apply(row, community, cadenceChanged, rhythmChanged);
        }
        await db.SaveChangesAsync(ct);
        // Plans follow the new rhythm in the same transaction, as when a coach changes it on the card.
        foreach (var community in rhythmChanged)
        {
            foreach (var listener in scope.GetServices<ICheckInRhythmListener>())
            {
                await listener.CheckInRhythmChangedAsync(community.Id, ct);
            }
        }
        foreach (var community in cadenceChanged)
        {
            foreach (var listener in scope.GetServices<ICadenceListener>())
            {
                await listener.CadenceChangedAsync(community.Id, ct);
            }
        }
        written.ForEach(c => index.Communities[c.Name] = (c.Id, c.CadenceKind));
        return summary;
    };

    private static void Apply(ImportCommunity row, Community community, List<Community> cadenceChanged, List<Community> rhythmChanged)
    {
        community.Theme = row.Theme ?? community.Theme;
        community.Goals = row.Goals ?? community.Goals;
        community.Phase = row.Phase is null ? community.Phase : ImportRules.ParsePhase(row.Phase)!.Value;
        community.TimeZone = row.TimeZone ?? community.TimeZone;
        community.Language = row.Language is not null && Languages.TryParse(row.Language, out var language) ? language : community.Language;
        if (ImportRules.ApplyCadence(row, community))
        {
            cadenceChanged.Add(community);
        }
        if (row.CheckInWeeks is not null && ImportRules.ParseCheckInWeeks(row.CheckInWeeks) is var weeks && weeks != community.CheckInEveryWeeks)
        {
            community.CheckInEveryWeeks = weeks;
            rhythmChanged.Add(community);
        }
    }

    /// <param name="peopleLock">The tenant's advisory lock on PostgreSQL (<see cref="PeopleLock"/>).</param>
    private BatchWrite WritePeopleAsync(string tenantId, long? peopleLock, ImportPerson[] rows) => async (scope, index, summary, ct) =>
    {
        var db = scope.GetRequiredService<AppDbContext>();
        if (peopleLock is { } key)
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0})", [key], ct);
        }
        var keys = rows.Select(r => new PersonKeys(r.AadObjectId, PersonKeys.NormalizeEmail(r.Email), null)).ToList();
        var aads = keys.Select(k => k.AadObjectId).OfType<string>().ToList();
        var emails = keys.Select(k => k.Email).OfType<string>().ToList();
        // What another import stored since the index was read: it held this lock then.
        var existing = await db.People.Where(p => p.TenantId == tenantId && (aads.Contains(p.AadObjectId!) || emails.Contains(p.Email!)))
            .OrderBy(p => p.Id).ToDictionaryAsync(p => p.Id, ct);
        foreach (var person in existing.Values)
        {
            index.AddPerson(person.Id, person.AadObjectId, person.Email);
        }
        var now = clock.GetUtcNow();
        var people = new Person[rows.Length];
        List<int> byAad = [];
        List<Person> byEmail = [];
        for (var i = 0; i < rows.Length; i++)
        {
            if (index.PersonId(keys[i]) is { } id && existing.TryGetValue(id, out var person))
            {
                people[i] = person;
                summary = summary with { PeopleUpdated = summary.PeopleUpdated + 1 };
                continue;
            }
            people[i] = new Person { TenantId = tenantId, FirstSeenAt = now };
            if (keys[i].AadObjectId is null)
            {
                byEmail.Add(people[i]);
            }
            else
            {
                byAad.Add(i);
            }
        }
        for (var i = 0; i < rows.Length; i++)
        {
            Apply(rows[i], keys[i], people[i], index);
        }
        // Under the lock nobody else imports this tenant's people, and an e-mail occurs once in a file.
        await db.InsertAllAsync(byEmail, p => p.Email, ct);
        // A turn may have met this person by their Entra object id meanwhile: then theirs is the row, updated here.
        var inserted = await db.InsertOrGetAsync([.. byAad.Select(i => people[i])], p => new { p.TenantId, p.AadObjectId }, ct);
        var met = byAad.Where((_, j) => !inserted[j]).ToList();
        var metIds = met.Select(i => people[i].Id).ToList();
        var stored = metIds.Count == 0 ? [] : await db.People.Where(p => metIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        foreach (var i in met)
        {
            people[i] = stored[people[i].Id];
            Apply(rows[i], keys[i], people[i], index);
        }
        summary = summary with
        {
            PeopleCreated = summary.PeopleCreated + byEmail.Count + inserted.Count(i => i),
            PeopleUpdated = summary.PeopleUpdated + met.Count,
        };
        await db.SaveChangesAsync(ct);
        foreach (var person in people)
        {
            index.AddPerson(person.Id, person.AadObjectId, person.Email);
        }
        return summary;
    };

    private static void Apply(ImportPerson row, PersonKeys keys, Person person, ImportIndex index)
    {
        person.Email = keys.Email ?? person.Email;
        person.AadObjectId = row.AadObjectId ?? person.AadObjectId;
        person.DisplayName = row.DisplayName ?? person.DisplayName;
        person.SchoolId = row.School is null ? person.SchoolId : index.Schools[row.School];
        person.IsTenantAdmin = row.Admin ?? person.IsTenantAdmin;
        if (row.Language is not null && Languages.TryParse(row.Language, out var language))
        {
            person.Language = language;
        }
    }

    /// <summary>The tenant's advisory lock for import batches of people, apart from the outbox's (<see cref="OutboxSql.ClaimLock"/>).</summary>
    private static long PeopleLock(string tenantId) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes($"import-people:{tenantId}")));

    private BatchWrite WriteMembershipsAsync(ImportMembership[] rows) => async (scope, index, summary, ct) =>
    {
        var db = scope.GetRequiredService<AppDbContext>();
        var pairs = rows.Select(r => (Community: index.Communities[r.Community!].Id, Person: index.PersonId(r.Person!)!.Value)).ToList();
        var roles = rows.Select(r => ImportRules.ParseRole(r.Role!)!.Value).ToList();
        var now = clock.GetUtcNow();
        var fresh = Enumerable.Range(0, rows.Length).Where(i => !index.Memberships.ContainsKey(pairs[i])).ToList();
        var created = fresh.Select(i => new Membership { CommunityId = pairs[i].Community, PersonId = pairs[i].Person, Role = roles[i], JoinedAt = now }).ToList();
        var inserted = await db.InsertOrGetAsync(created, m => new { m.CommunityId, m.PersonId }, ct);
        List<Membership> written = [.. created.Where((_, j) => inserted[j])];
        created.ForEach(m => index.Memberships[(m.CommunityId, m.PersonId)] = m.Id);
        summary = summary with { MembershipsCreated = summary.MembershipsCreated + written.Count };

        // Known ones, and those someone else stored meanwhile, take the file's role and are members again.
        var isNew = new bool[rows.Length];
        for (var j = 0; j < fresh.Count; j++)
        {
            isNew[fresh[j]] = inserted[j];
        }
        var known = Enumerable.Range(0, rows.Length).Where(i => !isNew[i]).ToList();
        var ids = known.Select(i => index.Memberships[pairs[i]]).ToList();
        var existing = ids.Count == 0 ? [] : await db.Memberships.Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        foreach (var i in known)
        {
            if (!existing.TryGetValue(index.Memberships[pairs[i]], out var membership))
            {
                membership = new Membership { CommunityId = pairs[i].Community, PersonId = pairs[i].Person, JoinedAt = now };
                db.Memberships.Add(membership);
                summary = summary with { MembershipsCreated = summary.MembershipsCreated + 1 };
            }
            else
            {
                summary = summary with { MembershipsUpdated = summary.MembershipsUpdated + 1 };
            }
            membership.Role = roles[i];
            membership.LeftAt = null;
            written.Add(membership);
        }
        await db.SaveChangesAsync(ct);
        foreach (var membership in written)
        {
            index.Memberships[(membership.CommunityId, membership.PersonId)] = membership.Id;
            if (membership.Role == CommunityRole.Coach)
            {
                index.Coaches.Add(membership.PersonId);
            }
        }
        return summary;
    };
}
