using CommunityBot.Delivery;
using CommunityBot.People;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Agreements;

/// <summary>
/// After an answer: every reminder copy already sent is updated in place, the coach hears about a help request at
/// once, and the group hears in advance when someone won't make it.
/// </summary>
public sealed class AgreementNotifier(AppDbContext db, Outbox outbox)
{
    public async Task AnsweredAsync(AgreementView agreement, AgreementChange change, Person actor, CancellationToken ct)
    {
        var community = await db.Communities.AsNoTracking().SingleAsync(c => c.Id == agreement.CommunityId, ct);
        await UpdateSentRemindersAsync(agreement, change, community.TenantId, ct);

        var people = await CommunityPeople.ActiveAsync(db, agreement.CommunityId, ct);
        var actorName = PersonRef.NameOf(actor);
        if (change.To == AgreementStatus.NeedHelp || (change.To == AgreementStatus.WontMakeIt && community.ChannelConversationId is null))
        {
            foreach (var coach in CommunityPeople.Coaches(people).Where(c => c.PersonId != actor.Id))
            {
                var texts = AgreementTexts.All.For(coach.Language);
                await outbox.EnqueueAsync(new OutgoingMessage
                {
                    DedupeKey = $"agreement-{change.To}:{agreement.Id}:{change.Id}:{coach.PersonId}",
                    TenantId = community.TenantId,
                    PersonId = coach.PersonId,
                    Text = change.To == AgreementStatus.NeedHelp
                        ? texts.CoachHelpAlert(actorName, agreement.Text, change.Comment)
                        : texts.GroupWontMakeIt(actorName, agreement.Text),
                    Purpose = "agreement-answer",
                }, ct);
            }
        }
        if (change.To == AgreementStatus.WontMakeIt && community.ChannelConversationId is { } channel)
        {
            await outbox.EnqueueAsync(new OutgoingMessage
            {
                DedupeKey = $"agreement-{change.To}:{agreement.Id}:{change.Id}:group",
                TenantId = community.TenantId,
                ConversationRowId = channel,
                Text = AgreementTexts.All.For(community.Language).GroupWontMakeIt(actorName, agreement.Text),
                Purpose = "agreement-answer",
            }, ct);
        }
    }

    /// <summary>Each owner's copy of the reminder shows the new state, not only the copy the button was pressed on.</summary>
    private async Task UpdateSentRemindersAsync(AgreementView agreement, AgreementChange change, string tenantId, CancellationToken ct)
    {
        var sent = await db.ReminderPlans.AsNoTracking()
            .Where(r => r.AgreementId == agreement.Id && r.State == ReminderState.Sent)
            .ToListAsync(ct);
        var personIds = sent.Select(r => r.PersonId).Distinct().ToList();
        var languages = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Language, ct);
        foreach (var plan in sent)
        {
            await outbox.EnqueueAsync(new OutgoingMessage
            {
                DedupeKey = $"{plan.DedupeKey}:c{change.Id}",
                TenantId = tenantId,
                PersonId = plan.PersonId,
                Card = ReminderCard.Build(agreement, languages.GetValueOrDefault(plan.PersonId)),
                ReplacesDedupeKey = plan.DedupeKey,
                Purpose = "reminder-update",
            }, ct);
        }
    }
}
