using CommunityBot.Communities;
using CommunityBot.People;
using CommunityBot.Sessions;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using CommunityBot.Limits;

namespace CommunityBot.Agreements;

/// <summary>Records agreements and their answers. Every call re-checks the actor's role; nothing here trusts card data.</summary>
public sealed partial class AgreementBook(
    AppDbContext db,
    CommunityDirectory access,
    ReminderPlanner planner,
    SummaryPublisher summaries,
    AgreementNotifier notifier,
    AgreementQueries queries,
    TimeProvider clock,
    IOptions<AgreementsOptions> options,
    ILogger<AgreementBook> logger)
{
    public async Task<RecordResult> RecordAsync(Person actor, AgreementDraft draft, CancellationToken ct)
    {
        if (!await access.CanManageAsync(actor, draft.CommunityId, ct))
        {
            AgreementLog.Refused(logger, actor.Id, 0);
            return new RecordResult(RecordOutcome.NotAllowed);
        }
        var text = draft.Text.Trim();
        if (text.Length == 0)
        {
            return new RecordResult(RecordOutcome.TextMissing);
        }
        if (text.Length > TextLimits.AgreementText)
        {
            return new RecordResult(RecordOutcome.TextTooLong);
        }
        var members = await CommunityPeople.ActiveAsync(db, draft.CommunityId, ct);
        var owners = draft.WholeGroup ? members.Where(m => m.Role == CommunityRole.Member).Select(m => m.PersonId).ToList() : [.. draft.OwnerIds.Distinct()];
        if (owners.Count == 0)
        {
            return new RecordResult(RecordOutcome.OwnersMissing);
        }
        var memberIds = members.Select(m => m.PersonId).ToHashSet();
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.CommunityId == draft.CommunityId).ToListAsync(ct);
        if (!owners.All(memberIds.Contains) || !draft.DependantIds.All(memberIds.Contains)
            || (draft.DueSessionId is { } dueId && !sessions.Any(s => s.Id == dueId && s.Status == SessionStatus.Planned))
            || (draft.MadeAtSessionId is { } madeId && sessions.All(s => s.Id != madeId)))
        {
            return new RecordResult(RecordOutcome.UnknownPeopleOrSession);
        }
        var now = clock.GetUtcNow();
        var agreement = new Agreement
        {
            CommunityId = draft.CommunityId,
            MadeAtSessionId = draft.MadeAtSessionId,
            DueSessionId = draft.DueSessionId ?? NextPlanned(sessions, now, draft.MadeAtSessionId)?.Id,
            Kind = draft.Kind,
            Text = text,
            WholeGroup = draft.WholeGroup,
            WholeGroupDepends = draft.WholeGroupDepends,
            RecordedByPersonId = actor.Id,
            CreatedAt = now,
            UpdatedAt = now,
        };
        agreement.Owners.AddRange(owners.Select(id => new AgreementOwner { PersonId = id }));
        agreement.Dependants.AddRange(draft.DependantIds.Distinct().Where(id => !owners.Contains(id)).Select(id => new AgreementDependant { PersonId = id }));
        db.Agreements.Add(agreement);
        // The agreement, its reminder plans and the summary are saved together: if anything fails, nothing is kept and
        // Teams' redelivery of the same press records the agreement once. (No retrying execution strategy is
        // configured; with EnableRetryOnFailure this would need db.Database.CreateExecutionStrategy().)
        bool summaryPosted;
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await db.SaveChangesAsync(ct);
            await planner.PlanAsync([agreement.Id], ct);
            summaryPosted = await summaries.PublishAsync(agreement.CommunityId, agreement.MadeAtSessionId, ct);
            await transaction.CommitAsync(ct);
        }
        AgreementLog.Recorded(logger, agreement.Id, agreement.CommunityId);
        return new RecordResult(RecordOutcome.Recorded, agreement.Id, summaryPosted);
    }

    /// <summary>
    /// Done / need help / won't make it: each owner answers for themselves, and the agreement's status is derived from
    /// all answers. Saying the same twice changes nothing. A coach who is no owner can only close it as done for
    /// everyone (<see cref="CloseAsDoneAsync"/>). <paramref name="tellGroup"/>: the member chose on the card that the
    /// group hears about "won't make it". <paramref name="pressed"/>: the card the button was on, if the answer redraws it.
    /// </summary>
    public async Task<AnswerResult> AnswerAsync(Person actor, long agreementId, AgreementStatus to, string? comment, bool tellGroup, PressedCard? pressed, CancellationToken ct)
    {
        var agreement = await db.Agreements.AsNoTracking().Include(a => a.Owners).SingleOrDefaultAsync(a => a.Id == agreementId, ct);
        if (agreement is null)
        {
            return new AnswerResult(AnswerOutcome.NotFound);
        }
        var own = agreement.Owners.FirstOrDefault(o => o.PersonId == actor.Id);
        if (own is null)
        {
            if (!await access.CanManageAsync(actor, agreement.CommunityId, ct))
            {
                AgreementLog.Refused(logger, actor.Id, agreementId);
                return new AnswerResult(AnswerOutcome.NotAllowed);
            }
            // Asking help or giving up is someone's own answer; a coach cannot give it for them.
            return to == AgreementStatus.Done ? await CloseAsDoneAsync(actor, agreementId, ct) : new AnswerResult(AnswerOutcome.NotAnOwner);
        }
        if (agreement.Status == AgreementStatus.Dropped)
        {
            return new AnswerResult(AnswerOutcome.Closed, await queries.ViewAsync(agreementId, ct));
        }
        if (own.Status == to)
        {
            return new AnswerResult(AnswerOutcome.Unchanged, await queries.ViewAsync(agreementId, ct));
        }
        var now = clock.GetUtcNow();
        var trimmed = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        var change = new AgreementChange
        {
            AgreementId = agreement.Id,
            PersonId = actor.Id,
            At = now,
            From = own.Status,
            To = to,
            Comment = trimmed,
        };

        // The answer, the derived status, its history row, the cancelled reminders and every message about it commit
        // together, so a failure leaves nothing behind and Teams' redelivery does the whole answer again.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var before = await LockAsync(agreementId, now, ct);
        // Conditional: of two quick taps by one owner only the first changes their answer; the other finds it given.
        // Other owners answering at the same moment wait for the lock above, so every answer counts.
        var changed = before is null ? 0 : await db.Set<AgreementOwner>().Where(o => o.Id == own.Id && o.Status == change.From)
            .ExecuteUpdateAsync(set => set.SetProperty(o => o.Status, to).SetProperty(o => o.AnsweredAt, now), ct);
        if (changed == 0)
        {
            await transaction.RollbackAsync(ct);
            return await CurrentAsync(agreementId, ct);
        }
        var view = await ChangedAsync(agreement, change, before!.Status, before.Answering(actor.Id, to), actor, tellGroup, pressed, ct);
        await transaction.CommitAsync(ct);
        AgreementLog.Answered(logger, agreement.Id, to, actor.Id);
        return new AnswerResult(AnswerOutcome.Changed, view) { ChangeId = change.Id };
    }

    /// <summary>
    /// A coach marks the agreement done for every owner who is not done yet (e.g. when closing the loop at the session):
    /// their reminders stop, dependants hear it is ready, the channel shows it done. Joins the caller's transaction
    /// when there is one, so it can be one step of a larger change.
    /// </summary>
    public async Task<AnswerResult> CloseAsDoneAsync(Person actor, long agreementId, CancellationToken ct)
    {
        var agreement = await db.Agreements.AsNoTracking().SingleOrDefaultAsync(a => a.Id == agreementId, ct);
        if (agreement is null)
        {
            return new AnswerResult(AnswerOutcome.NotFound);
        }
        if (!await access.CanManageAsync(actor, agreement.CommunityId, ct))
        {
            AgreementLog.Refused(logger, actor.Id, agreementId);
            return new AnswerResult(AnswerOutcome.NotAllowed);
        }
        var now = clock.GetUtcNow();
        var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await using (transaction)
        {
            var before = await LockAsync(agreementId, now, ct);
            if (before is null || before.Status == AgreementStatus.Done)
            {
                if (transaction is not null)
                {
                    await transaction.RollbackAsync(ct);
                }
                return await CurrentAsync(agreementId, ct);
            }
            await db.Set<AgreementOwner>().Where(o => o.AgreementId == agreementId && o.Status != AgreementStatus.Done)
                .ExecuteUpdateAsync(set => set.SetProperty(o => o.Status, AgreementStatus.Done).SetProperty(o => o.AnsweredAt, now), ct);
            var change = new AgreementChange { Kind = AgreementChangeKind.ClosedAsDone, AgreementId = agreementId, PersonId = actor.Id, At = now, From = before.Status, To = AgreementStatus.Done };
            var view = await ChangedAsync(agreement, change, before.Status, before.AllDone(), actor, tellGroup: false, pressed: null, ct);
            if (transaction is not null)
            {
                await transaction.CommitAsync(ct);
            }
            AgreementLog.ClosedAsDone(logger, agreementId, actor.Id);
            return new AnswerResult(AnswerOutcome.Changed, view);
        }
    }

    /// <summary>
    /// Owners were taken off (a leave, a role change): each agreement's status follows the owners it keeps, so one
    /// whose last owner still to do left becomes done (and its dependants hear it). Call inside the transaction of that change.
    /// </summary>
    public async Task OwnersChangedAsync(IReadOnlyCollection<long> agreementIds, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        foreach (var id in agreementIds)
        {
            if (await LockAsync(id, now, ct) is not { } locked)
            {
                continue;
            }
            var before = locked.Status;
            // Without owners it waits, as it stands, for the coach to re-assign it.
            var after = locked.Owners.Count == 0 ? before : Agreement.Derive([.. locked.Owners.Select(o => o.Status)]);
            if (after == before)
            {
                continue;
            }
            await db.Agreements.Where(a => a.Id == id).ExecuteUpdateAsync(set => set.SetProperty(a => a.Status, after), ct);
            var origin = await db.Agreements.Where(a => a.Id == id).Select(a => new { a.CommunityId, a.MadeAtSessionId }).SingleAsync(ct);
            if (after == AgreementStatus.Done)
            {
                await notifier.ReadyAsync((await queries.ViewAsync(id, ct))!, ct);
            }
            await summaries.PublishAsync(origin.CommunityId, origin.MadeAtSessionId, ct);
        }
        await planner.PlanAsync(agreementIds, ct);
    }

    /// <summary>
    /// Locks the agreement's row for the rest of the transaction (a conditional write) and returns its status and its
    /// owners' answers as they are now, or null when it is gone or dropped. Two owners answering at once thus derive
    /// the status one after the other.
    /// </summary>
    private async Task<LockedAgreement?> LockAsync(long agreementId, DateTimeOffset now, CancellationToken ct)
    {
        var locked = await db.Agreements.Where(a => a.Id == agreementId && a.Status != AgreementStatus.Dropped)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.UpdatedAt, now), ct);
        return locked == 0 ? null : await db.Agreements.Where(a => a.Id == agreementId)
            .Select(a => new LockedAgreement(a.Status, a.Owners.Select(o => new LockedOwner(o.PersonId, o.Status)).ToList()))
            .SingleAsync(ct);
    }

    /// <summary>After an owner's answer changed: the derived status, the history, reminders, messages and the channel.</summary>
    private async Task<AgreementView> ChangedAsync(Agreement agreement, AgreementChange change, AgreementStatus before, IReadOnlyCollection<AgreementStatus> owners,
        Person actor, bool tellGroup, PressedCard? pressed, CancellationToken ct)
    {
        var after = Agreement.Derive(owners);
        if (after != before)
        {
            await db.Agreements.Where(a => a.Id == agreement.Id).ExecuteUpdateAsync(set => set.SetProperty(a => a.Status, after), ct);
        }
        db.AgreementChanges.Add(change);
        await db.SaveChangesAsync(ct);
        await planner.AnsweredAsync(agreement.Id, change.From, change.To, ct);
        var view = (await queries.ViewAsync(agreement.Id, ct))!;
        await notifier.AnsweredAsync(view, change, actor, tellGroup, pressed, ct);
        if (after == AgreementStatus.Done && before != AgreementStatus.Done)
        {
            await notifier.ReadyAsync(view, ct);
        }
        // The channel shows only what is done (a status, or a count): an answer that changes neither, such as a help
        // request, does not touch the channel's message, so even an "edited" mark tells the channel nothing.
        if (change.From == AgreementStatus.Done || change.To == AgreementStatus.Done || SummaryCard.Shows(before) != SummaryCard.Shows(after))
        {
            await summaries.PublishAsync(agreement.CommunityId, agreement.MadeAtSessionId, ct);
        }
        return view;
    }

    /// <summary>The answer as it stands after a press that changed nothing (answered already, or closed meanwhile).</summary>
    private async Task<AnswerResult> CurrentAsync(long agreementId, CancellationToken ct)
    {
        var current = await queries.ViewAsync(agreementId, ct);
        return current is null
            ? new AnswerResult(AnswerOutcome.NotFound)
            : new AnswerResult(current.Status == AgreementStatus.Dropped ? AnswerOutcome.Closed : AnswerOutcome.Unchanged, current);
    }

    /// <summary>The session an agreement recorded now was made at: the latest session that has started.</summary>
    public async Task<Session?> LastStartedSessionAsync(long communityId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return await db.Sessions.AsNoTracking()
            .Where(s => s.CommunityId == communityId && s.Status != SessionStatus.Cancelled && s.StartsAt <= now)
            .OrderByDescending(s => s.StartsAt).FirstOrDefaultAsync(ct);
    }

    public async Task<IReadOnlyList<Session>> UpcomingSessionsAsync(long communityId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return await db.Sessions.AsNoTracking()
            .Where(s => s.CommunityId == communityId && s.Status == SessionStatus.Planned && s.StartsAt > now)
            .OrderBy(s => s.StartsAt).ToListAsync(ct);
    }

    private static Session? NextPlanned(IEnumerable<Session> sessions, DateTimeOffset now, long? madeAt) =>
        sessions.Where(s => s.Status == SessionStatus.Planned && s.StartsAt > now && s.Id != madeAt).MinBy(s => s.StartsAt);
}
