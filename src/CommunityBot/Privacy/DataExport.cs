using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using CommunityBot.Agreements;
using CommunityBot.CheckIns;
using CommunityBot.Delivery;
using CommunityBot.Digests;
using CommunityBot.Intervision;
using CommunityBot.SessionAttendance;
using CommunityBot.Sessions;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Privacy;

/// <summary>
/// Everything the bot keeps about one person, as one JSON document: their own rows, and of shared rows only their part
/// (an agreement's text and their own answer; never another member's check-in answers or comments).
/// </summary>
public sealed class DataExport(AppDbContext db, CheckInPseudonyms pseudonyms, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The document of the person in that tenant, or null when there is no such person (any more).</summary>
    public async Task<byte[]?> ForAsync(ExportGrant grant, CancellationToken ct)
    {
        var id = grant.PersonId;
        var person = await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id && p.TenantId == grant.TenantId, ct);
        if (person is null)
        {
            return null;
        }
        var memberships = await db.Memberships.AsNoTracking().Where(m => m.PersonId == id).OrderBy(m => m.Id)
            .Select(m => new { m.CommunityId, Community = m.Community.Name, m.Role, m.JoinedAt, m.LeftAt, m.PausedFrom, m.PausedUntil, m.PauseReason })
            .ToListAsync(ct);
        var document = new
        {
            ExportedAt = clock.GetUtcNow(),
            Person = new
            {
                person.Id, person.TenantId, person.DisplayName, person.Email, person.AadObjectId, person.TeamsUserId, person.Language,
                person.LanguageChosen, person.IsTenantAdmin,
                School = await db.Schools.Where(s => s.Id == person.SchoolId).Select(s => s.Name).SingleOrDefaultAsync(ct),
                person.FirstSeenAt,
            },
            Memberships = memberships,
            Agreements = await AgreementsAsync(id, ct),
            AgreementAnswers = await db.AgreementChanges.AsNoTracking().Where(c => c.PersonId == id).OrderBy(c => c.Id)
                .Select(c => new { c.AgreementId, c.Kind, c.At, c.From, c.To, c.Comment }).ToListAsync(ct),
            Regrets = await db.Regrets.AsNoTracking().Where(r => r.PersonId == id).OrderBy(r => r.Id)
                .Join(db.Sessions, r => r.SessionId, s => s.Id, (r, s) => new { r.SessionId, SessionStartsAt = s.StartsAt, r.Reason, r.At }).ToListAsync(ct),
            Attendance = await db.Set<Attendance>().AsNoTracking().Where(a => a.PersonId == id).OrderBy(a => a.Id)
                .Join(db.Sessions, a => a.SessionId, s => s.Id, (a, s) => new { a.SessionId, SessionStartsAt = s.StartsAt, a.Present }).ToListAsync(ct),
            CheckIns = await CheckInsAsync(id, memberships.Select(m => m.CommunityId).Distinct().ToList(), ct),
            Conversations = await db.Conversations.AsNoTracking().Where(c => c.PersonId == id).OrderBy(c => c.Id)
                .Select(c => new { c.ConversationId, c.Kind, c.InstalledAt, c.RemovedAt }).ToListAsync(ct),
            WeeklyDigest = await db.Set<DigestOptOut>().AsNoTracking().Where(o => o.PersonId == id)
                .Select(o => new { Subscribed = false, OffSince = (DateTimeOffset?)o.Since }).SingleOrDefaultAsync(ct) ?? new { Subscribed = true, OffSince = (DateTimeOffset?)null },
            IntervisionGroups = await db.Set<IntervisionGroupMember>().AsNoTracking().Where(m => m.PersonId == id)
                .Join(db.Set<IntervisionGroup>(), m => m.GroupId, g => g.Id, (m, g) => g.Name)
                .Union(db.Set<IntervisionGroup>().Where(g => g.CoachTheCoachId == id).Select(g => g.Name)).ToListAsync(ct),
            MessagesWaitingForYou = await db.Set<OutboxMessage>().AsNoTracking().CountAsync(m => m.PersonId == id && m.State == OutboxState.Pending, ct),
        };
        return JsonSerializer.SerializeToUtf8Bytes(document, Json);
    }

    /// <summary>Agreements they own or wait for: the text, the group's status and their own answer.</summary>
    private async Task<object> AgreementsAsync(long id, CancellationToken ct) =>
        await db.Agreements.AsNoTracking()
            .Where(a => a.Owners.Any(o => o.PersonId == id) || a.Dependants.Any(d => d.PersonId == id))
            .OrderBy(a => a.Id)
            .Select(a => new
            {
                a.Id, Community = a.Community.Name, a.Kind, a.Text, a.Status, a.CreatedAt,
                DueSessionStartsAt = db.Sessions.Where(s => s.Id == a.DueSessionId).Select(s => (DateTimeOffset?)s.StartsAt).FirstOrDefault(),
                YouOwnIt = a.Owners.Any(o => o.PersonId == id),
                YourStatus = a.Owners.Where(o => o.PersonId == id).Select(o => (AgreementStatus?)o.Status).FirstOrDefault(),
                YouDependOnIt = a.Dependants.Any(d => d.PersonId == id),
            })
            .ToListAsync(ct);

    /// <summary>Their own answers, found by the pseudonym recomputed for each community they were in (under the current key).</summary>
    private async Task<object> CheckInsAsync(long id, IReadOnlyList<long> communities, CancellationToken ct)
    {
        var keys = communities.Select(c => pseudonyms.For(c, id)).ToList();
        return await db.CheckInResponses.AsNoTracking()
            .Where(r => keys.Contains(r.Pseudonym) && r.KeyVersion == pseudonyms.KeyVersion)
            .OrderBy(r => r.Id)
            .Select(r => new
            {
                r.CheckInId, Community = r.CheckIn.Community.Name, r.CheckIn.OpensAt, r.AnsweredAt, r.ChangedAt, r.Comment,
                Answers = r.Answers.OrderBy(a => a.ItemId).Select(a => new { a.ItemId, a.Value }).ToList(),
            })
            .ToListAsync(ct);
    }
}
