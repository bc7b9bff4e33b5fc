using CommunityBot.Communities;
using CommunityBot.Delivery;
using CommunityBot.People;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Agreements;

public enum HelpOutcome
{
    Sent,
    AlreadyAnswered,
    ReplyMissing,
    NotFound,
}

/// <summary>
/// What answering a help-thread message came to. <see cref="Message"/> is the message answered; <see cref="To"/>,
/// <see cref="By"/> and <see cref="Words"/> describe the answer sent now or earlier (<see cref="ByActor"/>: by the same person).
/// </summary>
public sealed record HelpResult(HelpOutcome Outcome, HelpMessage? Message = null, AgreementChangeKind Kind = default)
{
    public string? To { get; init; }
    public string? By { get; init; }
    public bool ByActor { get; init; }
    public string? Words { get; init; }
}

/// <summary>
/// Help threads: a coach answers an owner's help request in their own words, the owner answers back once, and so on.
/// Each message is a row in the agreement's history (with <see cref="AgreementChange.InReplyToId"/>) and a card to the
/// other person through the outbox, saved together. Every message is answered once; who may answer it is re-checked
/// here from the rows, never from the card.
/// </summary>
public sealed class HelpThread(AppDbContext db, CommunityDirectory access, Outbox outbox, TimeProvider clock, ILogger<HelpThread> logger)
{
    public const string Purpose = "help-thread";

    public async Task<HelpResult> AnswerAsync(Person actor, HelpData data, string? words, CancellationToken ct)
    {
        var row = await db.AgreementChanges.AsNoTracking().Include(c => c.Person)
            .SingleOrDefaultAsync(c => c.Id == data.ChangeId && c.AgreementId == data.AgreementId, ct);
        var agreement = row is null ? null : await db.Agreements.AsNoTracking().Include(a => a.Community).Include(a => a.Owners)
            .SingleOrDefaultAsync(a => a.Id == row.AgreementId && a.Community.TenantId == actor.TenantId, ct);
        if (row is null || agreement is null || await AnswerKindAsync(actor, row, agreement, ct) is not { } kind)
        {
            // Missing, of another community or tenant, or not said to the actor: one answer for all, so ids reveal nothing.
            AgreementLog.HelpRefused(logger, actor.Id, data.AgreementId, data.ChangeId);
            return new HelpResult(HelpOutcome.NotFound);
        }
        var message = new HelpMessage(agreement.Id, agreement.Text, agreement.Community.Name, row.Id, PersonRef.NameOf(row.Person), row.Comment);
        var text = words?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return new HelpResult(HelpOutcome.ReplyMissing, message, row.Kind);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // A write on the agreement's row holds off a second answer to the same message (two coaches, a double tap)
        // until this one commits; that one then finds this answer.
        await db.Agreements.Where(a => a.Id == agreement.Id).ExecuteUpdateAsync(set => set.SetProperty(a => a.UpdatedAt, a => a.UpdatedAt), ct);
        var earlier = await db.AgreementChanges.AsNoTracking().Include(c => c.Person).FirstOrDefaultAsync(c => c.InReplyToId == row.Id, ct);
        var recipient = await db.People.AsNoTracking().SingleAsync(p => p.Id == row.PersonId, ct);
        if (earlier is not null)
        {
            await transaction.RollbackAsync(ct);
            return new HelpResult(HelpOutcome.AlreadyAnswered, message, row.Kind)
            {
                To = PersonRef.NameOf(recipient), By = PersonRef.NameOf(earlier.Person), ByActor = earlier.PersonId == actor.Id, Words = earlier.Comment,
            };
        }
        // The owner's answer as it stands, so the row reads as no change of status.
        var ownerId = kind == AgreementChangeKind.HelpReply ? row.PersonId : actor.Id;
        var status = agreement.Owners.FirstOrDefault(o => o.PersonId == ownerId)?.Status ?? agreement.Status;
        var change = new AgreementChange
        {
            Kind = kind, AgreementId = agreement.Id, PersonId = actor.Id, At = clock.GetUtcNow(), From = status, To = status, Comment = text, InReplyToId = row.Id,
        };
        db.AgreementChanges.Add(change);
        await db.SaveChangesAsync(ct);
        var sent = message with { ChangeId = change.Id, From = PersonRef.NameOf(actor), Words = text };
        var card = kind == AgreementChangeKind.HelpReply
            ? HelpCards.ForOwner(sent, recipient.Language)
            : HelpCards.ForCoach(sent, asked: false, HelpTexts.All.For(recipient.Language).AnsweredFallback(sent.From, agreement.Text, text), recipient.Language);
        await outbox.EnqueueAsync(new OutgoingMessage
        {
            DedupeKey = $"help-thread:{change.Id}",
            TenantId = agreement.Community.TenantId,
            PersonId = recipient.Id,
            Card = card,
            Text = card.FallbackText,
            Purpose = Purpose,
            Priority = DeliveryPriority.Interactive,
        }, ct);
        await transaction.CommitAsync(ct);
        AgreementLog.HelpAnswered(logger, agreement.Id, change.Id, row.Id);
        return new HelpResult(HelpOutcome.Sent, message, row.Kind) { To = PersonRef.NameOf(recipient), By = sent.From, ByActor = true, Words = text };
    }

    /// <summary>
    /// What the actor's answer to <paramref name="row"/> is: a coach of the community replies to an owner's help
    /// request or answer back (while they are still an owner); the owner a reply was said to answers it. Null otherwise.
    /// </summary>
    private async Task<AgreementChangeKind?> AnswerKindAsync(Person actor, AgreementChange row, Agreement agreement, CancellationToken ct)
    {
        if (row.Kind == AgreementChangeKind.HelpReply)
        {
            var saidTo = await db.AgreementChanges.Where(c => c.Id == row.InReplyToId).Select(c => (long?)c.PersonId).SingleOrDefaultAsync(ct);
            return saidTo == actor.Id ? AgreementChangeKind.HelpAnswer : null;
        }
        var fromOwner = (row.Kind == AgreementChangeKind.Answer && row.To == AgreementStatus.NeedHelp) || row.Kind == AgreementChangeKind.HelpAnswer;
        return fromOwner && agreement.Owners.Any(o => o.PersonId == row.PersonId) && await access.CanManageAsync(actor, agreement.CommunityId, ct)
            ? AgreementChangeKind.HelpReply
            : null;
    }
}
