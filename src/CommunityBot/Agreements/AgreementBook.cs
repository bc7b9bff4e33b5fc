using CommunityBot.Communities;
using CommunityBot.People;
using CommunityBot.Sessions;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Agreements;

/// <summary>Records agreements and their answers. Every call re-checks the actor's role; nothing here trusts card data.</summary>
public sealed class AgreementBook(
    AppDbContext db,
    CommunityDirectory access,
    ReminderPlanner planner,
    SummaryPublisher summaries,
    AgreementNotifier notifier,
    AgreementQueries queries,
    TimeProvider clock,
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
            Text = text.Length > AgreementLimits.TextLength ? text[..AgreementLimits.TextLength] : text,
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
    /// Done / need help / won't make it, by an owner or a coach. Saying the same twice changes nothing.
    /// <paramref name="tellGroup"/>: the member chose on the card that the group hears about "won't make it".
    /// </summary>
    public async Task<AnswerResult> AnswerAsync(Person actor, long agreementId, AgreementStatus to, string? comment, bool tellGroup, CancellationToken ct)
    {
        var agreement = await db.Agreements.AsNoTracking().Include(a => a.Owners).SingleOrDefaultAsync(a => a.Id == agreementId, ct);
        if (agreement is null)
        {
            return new AnswerResult(AnswerOutcome.NotFound);
        }
        var isOwner = agreement.Owners.Any(o => o.PersonId == actor.Id);
        if (!isOwner && !await access.CanManageAsync(actor, agreement.CommunityId, ct))
        {
            AgreementLog.Refused(logger, actor.Id, agreementId);
            return new AnswerResult(AnswerOutcome.NotAllowed);
        }
        if (agreement.Status == AgreementStatus.Dropped)
        {
            return new AnswerResult(AnswerOutcome.Closed, await queries.ViewAsync(agreementId, ct));
        }
        if (agreement.Status == to)
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
            From = agreement.Status,
            To = to,
            Comment = trimmed is { Length: > AgreementLimits.CommentLength } ? trimmed[..AgreementLimits.CommentLength] : trimmed,
        };

        // The status change, its history row, the cancelled reminders and every message about it commit together, so a
        // failure leaves nothing behind and Teams' redelivery does the whole answer again.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Conditional: of two quick taps (or two owners at once) only the first changes the status; the other finds it answered.
        var changed = await db.Agreements.Where(a => a.Id == agreementId && a.Status == change.From)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.Status, to).SetProperty(a => a.UpdatedAt, now), ct);
        if (changed == 0)
        {
            await transaction.RollbackAsync(ct);
            var current = await queries.ViewAsync(agreementId, ct);
            return current is null
                ? new AnswerResult(AnswerOutcome.NotFound)
                : new AnswerResult(current.Status == AgreementStatus.Dropped ? AnswerOutcome.Closed : AnswerOutcome.Unchanged, current);
        }
        db.AgreementChanges.Add(change);
        await db.SaveChangesAsync(ct);
        await planner.PlanAsync([agreementId], ct);
        var view = (await queries.ViewAsync(agreementId, ct))!;
        await notifier.AnsweredAsync(view, change, actor, tellGroup, ct);
        // The channel's summary changes only when what it shows changes, so even an "edited" mark tells the channel nothing.
        if (SummaryCard.Shows(change.From) != SummaryCard.Shows(to))
        {
            await summaries.PublishAsync(agreement.CommunityId, agreement.MadeAtSessionId, ct);
        }
        await transaction.CommitAsync(ct);
        AgreementLog.Answered(logger, agreement.Id, to, actor.Id);
        return new AnswerResult(AnswerOutcome.Changed, view);
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
