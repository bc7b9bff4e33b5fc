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
/// Writes a validated file in short transactions of <see cref="ImportOptions.BatchRows"/> rows (schools, communities,
/// people, memberships, then the intervision groups), each in a scope of its own and, on SQLite, through this
/// instance's write gate, so the bot's own writes wait at most one batch. Every batch is complete or absent: a file
/// re-imported after a crash finds what was stored and adds the rest. A batch that meets a row someone else stored at
/// that moment (a team install creating the same community) reads the tenant again and is done once more.
/// </summary>
public sealed class ImportWriter(IServiceScopeFactory scopes, SqliteWriteGate gate, IOptions<ImportOptions> options, TimeProvider clock)
{
    private const int Attempts = 3;

    /// <param name="progress">Called after each committed batch with the summary so far and the rows written.</param>
    public async Task<ImportSummary> WriteAsync(string tenantId, ImportFile file, Func<ImportSummary, int, Task> progress, CancellationToken ct)
    {
        var run = new Run(tenantId, await LoadIndexAsync(tenantId, ct), progress);
        foreach (var batch in file.Schools.Where(s => !run.Index.Schools.ContainsKey(s.Name!)).Chunk(options.Value.BatchRows))
        {
            await BatchAsync(run, batch.Length, WriteSchoolsAsync(tenantId, batch), ct);
        }
        foreach (var batch in file.Communities.Chunk(options.Value.BatchRows))
        {
            await BatchAsync(run, batch.Length, WriteCommunitiesAsync(tenantId, batch), ct);
        }
        foreach (var batch in file.People.Chunk(options.Value.BatchRows))
        {
            await BatchAsync(run, batch.Length, WritePeopleAsync(tenantId, batch), ct);
        }
        foreach (var batch in file.Memberships.Chunk(options.Value.BatchRows))
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

    private async Task<ImportIndex> LoadIndexAsync(string tenantId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await ImportIndex.LoadAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), tenantId, ct);
    }

    /// <summary>One batch's work in its scope: returns the summary with its counts and registers new ids in the index once saved.</summary>
    private delegate Task<ImportSummary> BatchWrite(IServiceProvider scope, ImportIndex index, ImportSummary summary, CancellationToken ct);

    /// <summary>One import's state across its batches.</summary>
    private sealed class Run(string tenantId, ImportIndex index, Func<ImportSummary, int, Task> progress)
    {
        public string TenantId { get; } = tenantId;
        public ImportIndex Index { get; set; } = index;
        public ImportSummary Summary { get; set; } = new();
        public int RowsDone { get; set; }
        public Func<ImportSummary, int, Task> Progress { get; } = progress;
    }

    private async Task BatchAsync(Run run, int rows, BatchWrite write, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            gate.Prioritise(db, WritePriority.Bulk);
            try
            {
                run.Summary = await gate.WriteAsync(db, async () =>
                {
                    await using var transaction = await db.Database.BeginTransactionAsync(ct);
                    var summary = await write(scope.ServiceProvider, run.Index, run.Summary, ct);
                    await db.SaveChangesAsync(ct);
                    await transaction.CommitAsync(ct);
                    return summary;
                }, ct);
                break;
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // The index may hold ids of the rolled-back batch and lacks the rows that raced it: read it afresh.
                run.Index = await LoadIndexAsync(run.TenantId, ct);
            }
        }
        run.RowsDone += rows;
        await run.Progress(run.Summary, run.RowsDone);
    }

    private static BatchWrite WriteSchoolsAsync(string tenantId, ImportSchool[] rows) => async (scope, index, summary, ct) =>
    {
        var db = scope.GetRequiredService<AppDbContext>();
        var schools = rows.Where(r => !index.Schools.ContainsKey(r.Name!)).Select(r => new School { TenantId = tenantId, Name = r.Name! }).ToList();
        db.Schools.AddRange(schools);
        await db.SaveChangesAsync(ct);
        schools.ForEach(s => index.Schools[s.Name] = s.Id);
        return summary with { SchoolsCreated = summary.SchoolsCreated + schools.Count };
    };

    private BatchWrite WriteCommunitiesAsync(string tenantId, ImportCommunity[] rows) => async (scope, index, summary, ct) =>
    {
        var db = scope.GetRequiredService<AppDbContext>();
        var ids = rows.Select(r => index.Communities.TryGetValue(r.Name!, out var known) ? known.Id : 0).Where(id => id > 0).ToList();
        var existing = await db.Communities.Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        List<Community> cadenceChanged = [];
        List<Community> rhythmChanged = [];
        List<Community> written = [];
        var now = clock.GetUtcNow();
        foreach (var row in rows)
        {
            if (!index.Communities.TryGetValue(row.Name!, out var known) || !existing.TryGetValue(known.Id, out var community))
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

    private BatchWrite WritePeopleAsync(string tenantId, ImportPerson[] rows) => async (scope, index, summary, ct) =>
    {
        var db = scope.GetRequiredService<AppDbContext>();
        var keys = rows.Select(r => new PersonKeys(r.AadObjectId, PersonKeys.NormalizeEmail(r.Email), null)).ToList();
        var ids = keys.Select(index.PersonId).OfType<long>().ToList();
        var existing = await db.People.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var now = clock.GetUtcNow();
        List<Person> written = [];
        for (var i = 0; i < rows.Length; i++)
        {
            var row = rows[i];
            if (index.PersonId(keys[i]) is not { } id || !existing.TryGetValue(id, out var person))
            {
                person = new Person { TenantId = tenantId, FirstSeenAt = now };
                db.People.Add(person);
                summary = summary with { PeopleCreated = summary.PeopleCreated + 1 };
            }
            else
            {
                summary = summary with { PeopleUpdated = summary.PeopleUpdated + 1 };
            }
            written.Add(person);
            person.Email = keys[i].Email ?? person.Email;
            person.AadObjectId = row.AadObjectId ?? person.AadObjectId;
            person.DisplayName = row.DisplayName ?? person.DisplayName;
            person.SchoolId = row.School is null ? person.SchoolId : index.Schools[row.School];
            person.IsTenantAdmin = row.Admin ?? person.IsTenantAdmin;
            if (row.Language is not null && Languages.TryParse(row.Language, out var language))
            {
                person.Language = language;
            }
        }
        await db.SaveChangesAsync(ct);
        written.ForEach(p => index.AddPerson(p.Id, p.AadObjectId, p.Email));
        return summary;
    };

    private BatchWrite WriteMembershipsAsync(ImportMembership[] rows) => async (scope, index, summary, ct) =>
    {
        var db = scope.GetRequiredService<AppDbContext>();
        var pairs = rows.Select(r => (Community: index.Communities[r.Community!].Id, Person: index.PersonId(r.Person!)!.Value)).ToList();
        var ids = pairs.Select(p => index.Memberships.GetValueOrDefault(p)).Where(id => id > 0).ToList();
        var existing = await db.Memberships.Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        var now = clock.GetUtcNow();
        List<Membership> written = [];
        for (var i = 0; i < rows.Length; i++)
        {
            var role = ImportRules.ParseRole(rows[i].Role!)!.Value;
            if (!existing.TryGetValue(index.Memberships.GetValueOrDefault(pairs[i]), out var membership))
            {
                membership = new Membership { CommunityId = pairs[i].Community, PersonId = pairs[i].Person, JoinedAt = now };
                db.Memberships.Add(membership);
                summary = summary with { MembershipsCreated = summary.MembershipsCreated + 1 };
            }
            else
            {
                summary = summary with { MembershipsUpdated = summary.MembershipsUpdated + 1 };
            }
            membership.Role = role;
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
