using CommunityBot.People;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Agreements;

public enum UndoOutcome
{
    Undone,

    /// <summary>Pressed again, or the owner (or a coach) changed the agreement since: the answer stands as it is now.</summary>
    Unchanged,

    /// <summary>The undo window has passed: nothing changed.</summary>
    TooLate,

    /// <summary>No such answer of this person: missing and not theirs are the same answer.</summary>
    NotFound,
}

public sealed record UndoResult(UndoOutcome Outcome, AgreementView? Agreement = null);

public sealed partial class AgreementBook
{
    /// <summary>
    /// An owner takes back their own answer (<paramref name="changeId"/>, its history row) within the undo window: their
    /// answer goes back to what it was, the agreement's status is derived again, and a history row of kind
    /// <see cref="AgreementChangeKind.Undone"/> records it beside the answer. Only the owner's latest say can be undone;
    /// a second press finds it undone already and changes nothing. What the answer already sent (a help request to the
    /// coach) is not taken back; repeating the restored answer sends nothing twice, as the alerts are deduplicated.
    /// </summary>
    public async Task<UndoResult> UndoAsync(Person actor, long agreementId, long changeId, PressedCard? pressed, CancellationToken ct)
    {
        var answer = await db.AgreementChanges.AsNoTracking().SingleOrDefaultAsync(c => c.Id == changeId && c.AgreementId == agreementId
            && c.PersonId == actor.Id && c.Kind == AgreementChangeKind.Answer, ct);
        var agreement = answer is null ? null : await db.Agreements.AsNoTracking().SingleOrDefaultAsync(a => a.Id == agreementId, ct);
        if (answer is null || agreement is null)
        {
            return new UndoResult(UndoOutcome.NotFound);
        }
        var now = clock.GetUtcNow();
        if (now - answer.At > options.Value.UndoWindow)
        {
            return new UndoResult(UndoOutcome.TooLate, await queries.ViewAsync(agreementId, ct));
        }
        if (await db.AgreementChanges.AnyAsync(c => c.AgreementId == agreementId && c.Id > changeId
            && (c.PersonId == actor.Id || c.Kind != AgreementChangeKind.Answer), ct))
        {
            return new UndoResult(UndoOutcome.Unchanged, await queries.ViewAsync(agreementId, ct));
        }
        var undo = new AgreementChange { Kind = AgreementChangeKind.Undone, AgreementId = agreementId, PersonId = actor.Id, At = now, From = answer.To, To = answer.From };
        // An owner back at open has not answered; any other answer counts from now.
        DateTimeOffset? answeredAt = answer.From == AgreementStatus.Open ? null : now;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var before = await LockAsync(agreementId, now, ct);
        // Conditional, like an answer: of two quick presses only the first finds the answer it takes back.
        var changed = before is null ? 0 : await db.Set<AgreementOwner>()
            .Where(o => o.AgreementId == agreementId && o.PersonId == actor.Id && o.Status == answer.To)
            .ExecuteUpdateAsync(set => set.SetProperty(o => o.Status, answer.From).SetProperty(o => o.AnsweredAt, answeredAt), ct);
        if (changed == 0)
        {
            await transaction.RollbackAsync(ct);
            return new UndoResult(UndoOutcome.Unchanged, await queries.ViewAsync(agreementId, ct));
        }
        var view = await ChangedAsync(agreement, undo, before!.Status, before.Answering(actor.Id, answer.From), actor, tellGroup: false, pressed, ct);
        await transaction.CommitAsync(ct);
        AgreementLog.Undone(logger, changeId, agreementId, actor.Id);
        return new UndoResult(UndoOutcome.Undone, view);
    }
}
