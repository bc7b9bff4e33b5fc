using CommunityBot.Communities;
using CommunityBot.People;
using CommunityBot.Sessions;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;
using CommunityBot.Limits;

namespace CommunityBot.Agreements;

/// <summary>
/// A coach closes the loop on an agreement: edits it, carries it over to the next session, drops it or closes it as
/// done. Each change keeps a history row and re-plans the reminders in its own transaction. Only a coach of the
/// agreement's own community may do any of it; nothing here trusts card data.
/// </summary>
public sealed class AgreementEditor(
    AppDbContext db,
    CommunityDirectory access,
    AgreementBook book,
    ReminderPlanner planner,
    SummaryPublisher summaries,
    TimeProvider clock,
    ILogger<AgreementEditor> logger)
{
    public async Task<EditResult> EditAsync(Person actor, long agreementId, AgreementEdit edit, CancellationToken ct)
    {
        var (agreement, refusal) = await OpenForCoachAsync(actor, agreementId, ct);
        if (agreement is null)
        {
            return refusal!;
        }
        var text = edit.Text.Trim();
        if (text.Length == 0)
        {
            return new EditResult(EditOutcome.TextMissing, agreement.CommunityId);
        }
        if (text.Length > TextLimits.AgreementText)
        {
            return new EditResult(EditOutcome.TextTooLong, agreement.CommunityId);
        }
        var members = await CommunityPeople.ActiveAsync(db, agreement.CommunityId, ct);
        // The same people recording accepts (the short syntax may name a leader, e.g. as the one who depends on it).
        var memberIds = members.Select(m => m.PersonId).ToHashSet();
        var owners = edit.WholeGroup ? members.Where(m => m.Role == CommunityRole.Member).Select(m => m.PersonId).ToHashSet() : [.. edit.OwnerIds];
        if (owners.Count == 0)
        {
            return new EditResult(EditOutcome.OwnersMissing, agreement.CommunityId);
        }
        var dependants = edit.DependantIds.Where(id => !owners.Contains(id)).ToHashSet();
        var now = clock.GetUtcNow();
        var planned = db.Sessions.Where(s => s.CommunityId == agreement.CommunityId && s.Status == SessionStatus.Planned && s.StartsAt > now);
        // "The next session" is the next planned one now; none planned, it waits for one (as when recorded).
        var dueId = edit.DueSessionId
            ?? await planned.Where(s => s.Id != agreement.MadeAtSessionId).OrderBy(s => s.StartsAt).Select(s => (long?)s.Id).FirstOrDefaultAsync(ct);
        var dueIsPlanned = dueId is null || await planned.AnyAsync(s => s.Id == dueId, ct);
        if (!owners.All(memberIds.Contains) || !dependants.All(memberIds.Contains) || !dueIsPlanned)
        {
            return new EditResult(EditOutcome.UnknownPeopleOrSession, agreement.CommunityId);
        }
        var before = AgreementSnapshot.Of(agreement);
        agreement.Text = text;
        agreement.WholeGroup = edit.WholeGroup;
        agreement.WholeGroupDepends = edit.WholeGroupDepends;
        agreement.Owners.RemoveAll(o => !owners.Contains(o.PersonId));
        agreement.Owners.AddRange(owners.Where(id => agreement.Owners.All(o => o.PersonId != id)).Select(id => new AgreementOwner { PersonId = id }));
        agreement.Dependants.RemoveAll(d => !dependants.Contains(d.PersonId));
        agreement.Dependants.AddRange(dependants.Where(id => agreement.Dependants.All(d => d.PersonId != id)).Select(id => new AgreementDependant { PersonId = id }));
        agreement.DueSessionId = dueId;
        if (AgreementSnapshot.Of(agreement).Equivalent(before))
        {
            return new EditResult(EditOutcome.Unchanged, agreement.CommunityId);
        }
        // New owners start open; removing the last one still to do can leave everyone done.
        return await SaveAsync(agreement, actor, AgreementChangeKind.Edited, Agreement.Derive([.. agreement.Owners.Select(o => o.Status)]), null, before, ct)
            ? new EditResult(EditOutcome.Changed, agreement.CommunityId)
            : new EditResult(EditOutcome.Unchanged, agreement.CommunityId);
    }

    /// <summary>
    /// Due at the next planned session after the one it was due at, with new reminders. Without a planned session it
    /// waits for the next one planned. "Won't make it" becomes open again: the owners take it up anew.
    /// </summary>
    public async Task<EditResult> CarryOverAsync(Person actor, long agreementId, CancellationToken ct)
    {
        var (agreement, refusal) = await OpenForCoachAsync(actor, agreementId, ct);
        if (agreement is null)
        {
            return refusal!;
        }
        var now = clock.GetUtcNow();
        var next = await db.Sessions.AsNoTracking()
            .Where(s => s.CommunityId == agreement.CommunityId && s.Status == SessionStatus.Planned && s.StartsAt > now && s.Id != agreement.DueSessionId)
            .OrderBy(s => s.StartsAt).FirstOrDefaultAsync(ct);
        var before = AgreementSnapshot.Of(agreement);
        agreement.DueSessionId = next?.Id;
        foreach (var owner in agreement.Owners.Where(o => o.Status == AgreementStatus.WontMakeIt))
        {
            (owner.Status, owner.AnsweredAt) = (AgreementStatus.Open, null);
        }
        var to = Agreement.Derive([.. agreement.Owners.Select(o => o.Status)]);
        return await SaveAsync(agreement, actor, AgreementChangeKind.CarriedOver, to, null, before, ct)
            ? new EditResult(EditOutcome.Changed, agreement.CommunityId, WaitsForSession: next is null)
            : new EditResult(EditOutcome.Unchanged, agreement.CommunityId);
    }

    /// <summary>Dropped, with the coach's optional reason: reminders stop and it leaves the members' lists.</summary>
    public async Task<EditResult> DropAsync(Person actor, long agreementId, string? reason, CancellationToken ct)
    {
        var (agreement, refusal) = await OpenForCoachAsync(actor, agreementId, ct);
        if (agreement is null)
        {
            return refusal!;
        }
        var comment = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        return await SaveAsync(agreement, actor, AgreementChangeKind.Dropped, AgreementStatus.Dropped, comment, null, ct)
            ? new EditResult(EditOutcome.Changed, agreement.CommunityId)
            : new EditResult(EditOutcome.Unchanged, agreement.CommunityId);
    }

    /// <summary>The coach closes it as done at the session: every owner is marked done (<see cref="AgreementBook.CloseAsDoneAsync"/>).</summary>
    public async Task<EditResult> CloseAsDoneAsync(Person actor, long agreementId, CancellationToken ct)
    {
        var (agreement, refusal) = await OpenForCoachAsync(actor, agreementId, ct);
        if (agreement is null)
        {
            return refusal!;
        }
        var result = await book.CloseAsDoneAsync(actor, agreementId, ct);
        return new EditResult(result.Outcome == AnswerOutcome.Changed ? EditOutcome.Changed : EditOutcome.Unchanged, agreement.CommunityId);
    }

    /// <summary>The agreement (tracked) when the actor coaches its community and it is not closed yet; else the refusal.</summary>
    private async Task<(Agreement? Agreement, EditResult? Refusal)> OpenForCoachAsync(Person actor, long agreementId, CancellationToken ct)
    {
        var agreement = await db.Agreements.Include(a => a.Owners).Include(a => a.Dependants).SingleOrDefaultAsync(a => a.Id == agreementId, ct);
        if (agreement is null)
        {
            return (null, new EditResult(EditOutcome.NotFound));
        }
        if (!await access.CanManageAsync(actor, agreement.CommunityId, ct))
        {
            AgreementLog.Refused(logger, actor.Id, agreementId);
            return (null, new EditResult(EditOutcome.NotAllowed));
        }
        return agreement.Status is AgreementStatus.Done or AgreementStatus.Dropped
            ? (null, new EditResult(EditOutcome.Closed, agreement.CommunityId))
            : (agreement, null);
    }

    /// <summary>
    /// The change, its history row, the re-planned reminders (a new owner or due session gets them, a removed owner
    /// or a closed agreement none) and the channel's summary commit together. False when the status changed meanwhile
    /// (an owner answered at the same moment): then nothing is saved and the coach sees the card as it now stands.
    /// </summary>
    private async Task<bool> SaveAsync(Agreement agreement, Person actor, AgreementChangeKind kind, AgreementStatus to, string? comment, AgreementSnapshot? before, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var from = agreement.Status;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Conditional, like an owner's answer: of a coach's choice and an owner's tap at once, only the first counts.
        if (await db.Agreements.Where(a => a.Id == agreement.Id && a.Status == from)
                .ExecuteUpdateAsync(set => set.SetProperty(a => a.Status, to).SetProperty(a => a.UpdatedAt, now), ct) == 0)
        {
            await transaction.RollbackAsync(ct);
            return false;
        }
        agreement.History.Add(new AgreementChange { Kind = kind, PersonId = actor.Id, At = now, From = from, To = to, Comment = comment, Before = before });
        // Already written above; the tracked copy follows without writing it again.
        (agreement.Status, agreement.UpdatedAt) = (to, now);
        db.Entry(agreement).Property(a => a.Status).IsModified = false;
        db.Entry(agreement).Property(a => a.UpdatedAt).IsModified = false;
        await db.SaveChangesAsync(ct);
        if (to != AgreementStatus.Dropped)
        {
            // The row is locked now; an owner's answer that landed after the owners were read counts in the status.
            var owners = await db.Set<AgreementOwner>().Where(o => o.AgreementId == agreement.Id).Select(o => o.Status).ToListAsync(ct);
            await db.Agreements.Where(a => a.Id == agreement.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(a => a.Status, Agreement.Derive(owners)), ct);
        }
        await planner.PlanAsync([agreement.Id], ct);
        await summaries.PublishAsync(agreement.CommunityId, agreement.MadeAtSessionId, ct);
        await transaction.CommitAsync(ct);
        AgreementLog.Closed(logger, agreement.Id, kind, actor.Id);
        return true;
    }
}
