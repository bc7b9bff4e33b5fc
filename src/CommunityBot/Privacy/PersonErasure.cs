using System.Text.Json;
using CommunityBot.Agreements;
using CommunityBot.CheckIns;
using CommunityBot.Communities;
using CommunityBot.Delivery;
using CommunityBot.Digests;
using CommunityBot.Intervision;
using CommunityBot.People;
using CommunityBot.SessionAttendance;
using CommunityBot.Sessions;
using CommunityBot.Storage;
using CommunityBot.Teams.Schema;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Privacy;

public enum ErasureOutcome
{
    Erased,

    /// <summary>The only process coach of a community: someone else must take over first, as when leaving.</summary>
    LastCoach,

    /// <summary>Runs an intervision group or organised one of its rounds: the tenant admin hands it over first.</summary>
    RunsIntervision,
}

public sealed record ErasureResult(ErasureOutcome Outcome, IReadOnlyList<string> Communities);

/// <summary>
/// "Delete my data": removes every row about a person in one transaction. Rows of others keep what is theirs: an
/// agreement keeps its text and its other owners, a community keeps its history of other people. The README's
/// "Privacy" section states each rule; the erasure test walks every table of the model to prove nothing is left.
/// </summary>
public sealed class PersonErasure(AppDbContext db, OwnershipRelease release, CheckInPseudonyms pseudonyms)
{
    /// <summary>Stands where the recorder of an agreement was: the column is required, and no person has id 0.</summary>
    public const long FormerMember = 0;

    public async Task<ErasureResult> EraseAsync(Person person, CancellationToken ct)
    {
        var id = person.Id;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var refusal = await RefusalAsync(id, ct);
        if (refusal is not null)
        {
            await transaction.RollbackAsync(ct);
            return refusal;
        }

        // Open agreements follow the owners they keep (status, reminders, channel summary), exactly as after leaving.
        var ownedIn = await db.Agreements.Where(a => a.Owners.Any(o => o.PersonId == id)).Select(a => a.CommunityId).Distinct().ToListAsync(ct);
        foreach (var communityId in ownedIn)
        {
            await release.ReleaseAllAsync(communityId, id, ct);
        }
        await EraseCheckInAnswersAsync(id, ct);
        await EraseRowsAsync(id, ct);
        await ScrubMessagesAsync(person, ct);
        await db.People.Where(p => p.Id == id && p.TenantId == person.TenantId).ExecuteDeleteAsync(ct);
        await transaction.CommitAsync(ct);
        return new ErasureResult(ErasureOutcome.Erased, []);
    }

    private async Task<ErasureResult?> RefusalAsync(long id, CancellationToken ct)
    {
        var lastCoachOf = await db.Memberships
            .Where(m => m.PersonId == id && m.LeftAt == null && m.Role == CommunityRole.Coach
                && !db.Memberships.Any(o => o.CommunityId == m.CommunityId && o.PersonId != id && o.Role == CommunityRole.Coach && o.LeftAt == null))
            .OrderBy(m => m.Community.Name).Select(m => m.Community.Name).ToListAsync(ct);
        if (lastCoachOf.Count > 0)
        {
            return new ErasureResult(ErasureOutcome.LastCoach, lastCoachOf);
        }
        var runs = await db.Set<IntervisionGroup>().Where(g => g.CoachTheCoachId == id
                || db.Set<IntervisionProposal>().Any(p => p.GroupId == g.Id && p.OrganizerId == id))
            .OrderBy(g => g.Name).Select(g => g.Name).ToListAsync(ct);
        return runs.Count > 0 ? new ErasureResult(ErasureOutcome.RunsIntervision, runs) : null;
    }

    /// <summary>
    /// Answers carry no person id, only the pseudonym of member and community under the current key: recomputed here for
    /// every community the person was ever in. Answers under an older key can no longer be linked to anyone.
    /// </summary>
    private async Task EraseCheckInAnswersAsync(long id, CancellationToken ct)
    {
        var communities = await db.Memberships.Where(m => m.PersonId == id).Select(m => m.CommunityId).Distinct().ToListAsync(ct);
        var keys = communities.Select(c => pseudonyms.For(c, id)).ToList();
        var responses = db.CheckInResponses.Where(r => keys.Contains(r.Pseudonym) && r.KeyVersion == pseudonyms.KeyVersion);
        await db.CheckInAnswers.Where(a => responses.Any(r => r.Id == a.ResponseId)).ExecuteDeleteAsync(ct);
        await responses.ExecuteDeleteAsync(ct);
    }

    private async Task EraseRowsAsync(long id, CancellationToken ct)
    {
        await db.AgreementChanges.Where(c => c.PersonId == id).ExecuteDeleteAsync(ct);
        await db.Set<AgreementOwner>().Where(o => o.PersonId == id).ExecuteDeleteAsync(ct);
        await db.Set<AgreementDependant>().Where(d => d.PersonId == id).ExecuteDeleteAsync(ct);
        await db.Agreements.Where(a => a.RecordedByPersonId == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.RecordedByPersonId, FormerMember), ct);
        await db.ReminderPlans.Where(p => p.PersonId == id).ExecuteDeleteAsync(ct);
        await db.Set<Regret>().Where(r => r.PersonId == id).ExecuteDeleteAsync(ct);
        await db.Set<Attendance>().Where(a => a.PersonId == id).ExecuteDeleteAsync(ct);
        await db.Set<Attendance>().Where(a => a.RecordedByPersonId == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.RecordedByPersonId, (long?)null), ct);
        await db.CommunityChanges.Where(c => c.ByPersonId == id || c.SubjectPersonId == id).ExecuteDeleteAsync(ct);
        await db.Memberships.Where(m => m.PersonId == id).ExecuteDeleteAsync(ct);
        await db.Set<DigestOptOut>().Where(o => o.PersonId == id).ExecuteDeleteAsync(ct);
        await db.Set<IntervisionVote>().Where(v => v.PersonId == id).ExecuteDeleteAsync(ct);
        await db.Set<IntervisionParticipant>().Where(p => p.PersonId == id).ExecuteDeleteAsync(ct);
        await db.Set<IntervisionGroupMember>().Where(m => m.PersonId == id).ExecuteDeleteAsync(ct);
        await db.Set<IntervisionSlot>().Where(s => s.MissingPersonId == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.MissingPersonId, (long?)null), ct);

        var conversations = db.Conversations.Where(c => c.PersonId == id).Select(c => (long?)c.Id);
        await db.Set<OutboxMessage>().Where(m => m.PersonId == id || conversations.Contains(m.ConversationRowId) || conversations.Contains(m.SentConversationRowId))
            .ExecuteDeleteAsync(ct);
        await db.Set<UnreachableRecipient>().Where(u => u.PersonId == id || conversations.Contains(u.ConversationRowId)).ExecuteDeleteAsync(ct);
        await db.Conversations.Where(c => c.PersonId == id).ExecuteDeleteAsync(ct);
    }

    /// <summary>
    /// Messages to others that carry the person's full name (a coach's alert, a briefing): one not yet sent (or being sent) is dropped,
    /// one already delivered keeps its row (in-place updates find the Teams message through it) but loses its content.
    /// Cards answered to buttons, kept two days so a redelivered press gets the same answer, lose theirs too.
    /// </summary>
    private async Task ScrubMessagesAsync(Person person, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(person.DisplayName))
        {
            return;
        }
        // Cards are stored as JSON, where System.Text.Json escapes every non-ASCII letter ("Ad\u00E8le").
        foreach (var form in new[] { person.DisplayName, JsonSerializer.Serialize(person.DisplayName, TeamsJson.Options)[1..^1] }.Distinct())
        {
            var pattern = "%" + EscapeLike(form) + "%";
            await db.Database.ExecuteSqlAsync($"""
                DELETE FROM "OutboxMessages" WHERE "TenantId" = {person.TenantId} AND "State" IN ('Pending', 'Sending')
                AND ("CardJson" LIKE {pattern} ESCAPE '\' OR "Text" LIKE {pattern} ESCAPE '\')
                """, ct);
            await db.Database.ExecuteSqlAsync($"""
                UPDATE "OutboxMessages" SET "CardJson" = NULL, "Text" = NULL WHERE "TenantId" = {person.TenantId}
                AND ("CardJson" LIKE {pattern} ESCAPE '\' OR "Text" LIKE {pattern} ESCAPE '\')
                """, ct);
            await db.Database.ExecuteSqlAsync($"""
                UPDATE "ProcessedActivities" SET "InvokeResponseJson" = NULL WHERE "InvokeResponseJson" LIKE {pattern} ESCAPE '\'
                """, ct);
        }
    }

    private static string EscapeLike(string value) =>
        value.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
}
