using CommunityBot.Delivery;
using CommunityBot.Localization;
using CommunityBot.People;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Agreements;

/// <summary>
/// After an answer: every reminder copy already sent is updated in place, the coach hears about a help request at
/// once (only the coach: help is between a member and the coach), and when someone won't make it the group hears in
/// advance only if the member chose that on the card; otherwise only the coach does. When the last owner is done,
/// the people who depend on it hear that it is ready.
/// </summary>
public sealed class AgreementNotifier(AppDbContext db, Outbox outbox)
{
    /// <summary><paramref name="pressed"/>: the card the answer's button was on, which the invoke's answer redraws.</summary>
    public async Task AnsweredAsync(AgreementView agreement, AgreementChange change, Person actor, bool tellGroup, PressedCard? pressed, CancellationToken ct)
    {
        var community = agreement.Route;
        await UpdateSentRemindersAsync(agreement, change, community.TenantId, pressed, ct);

        var actorName = PersonRef.NameOf(actor);
        var channel = tellGroup ? community.ChannelConversationId : null;
        if (change.To == AgreementStatus.WontMakeIt && channel is not null)
        {
            await outbox.EnqueueAsync(new OutgoingMessage
            {
                DedupeKey = $"{AlertKey(agreement, change.To, actor.Id)}:group",
                TenantId = community.TenantId,
                ConversationRowId = channel,
                Text = AgreementTexts.All.For(community.Language).GroupWontMakeIt(actorName, agreement.Text),
                Purpose = "agreement-answer",
                Priority = DeliveryPriority.Interactive,
            }, ct);
            return;
        }
        if (change.To is not (AgreementStatus.NeedHelp or AgreementStatus.WontMakeIt))
        {
            return;
        }
        var people = await CommunityPeople.ActiveAsync(db, agreement.CommunityId, ct);
        foreach (var coach in CommunityPeople.Coaches(people).Where(c => c.PersonId != actor.Id))
        {
            var texts = AgreementTexts.All.For(coach.Language);
            var text = change.To == AgreementStatus.NeedHelp ? texts.CoachHelpAlert(actorName, agreement.Text, change.Comment)
                : tellGroup ? texts.CoachWontMakeItNoChannel(actorName, agreement.Text)
                : texts.CoachWontMakeItOnlyCoach(actorName, agreement.Text);
            // A help request is the start of a help thread: the coach answers it on the card, in their own words.
            var card = change.To == AgreementStatus.NeedHelp
                ? HelpCards.ForCoach(new HelpMessage(agreement.Id, agreement.Text, agreement.CommunityName, change.Id, actorName, change.Comment), asked: true, text, coach.Language)
                : null;
            await outbox.EnqueueAsync(new OutgoingMessage
            {
                DedupeKey = $"{AlertKey(agreement, change.To, actor.Id)}:{coach.PersonId}",
                TenantId = community.TenantId,
                PersonId = coach.PersonId,
                Card = card,
                Text = text,
                Purpose = "agreement-answer",
                Priority = DeliveryPriority.Interactive,
            }, ct);
        }
    }

    /// <summary>Every named dependant hears 1:1 that the agreement is ready; a whole group that depends on it sees it in the channel's summary.</summary>
    public async Task ReadyAsync(AgreementView agreement, CancellationToken ct)
    {
        if (agreement.Dependants.Count == 0)
        {
            return;
        }
        var tenantId = agreement.Route.TenantId;
        var ids = agreement.Dependants.Select(d => d.Id).ToList();
        var languages = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Language, ct);
        foreach (var dependant in agreement.Dependants)
        {
            await outbox.EnqueueAsync(new OutgoingMessage
            {
                DedupeKey = $"agreement-ready:{agreement.Id}:s{agreement.DueSession?.Id ?? 0}:{dependant.Id}",
                TenantId = tenantId,
                PersonId = dependant.Id,
                Text = AgreementTexts.All.For(languages.GetValueOrDefault(dependant.Id)).ReadyForDependant(agreement.Text),
                Purpose = "agreement-ready",
                Priority = DeliveryPriority.Interactive,
            }, ct);
        }
    }

    /// <summary>
    /// One alert per agreement, person, new status and due session: a repeated answer (a second tap, a redelivery, an
    /// answer changed back and forth) never alerts twice, while two owners asking help are two alerts. A new due
    /// session is a new round, so it alerts again.
    /// </summary>
    private static string AlertKey(AgreementView agreement, AgreementStatus to, long personId) =>
        $"agreement-{to}:{agreement.Id}:p{personId}:s{agreement.DueSession?.Id ?? 0}";

    /// <summary>
    /// Each owner's copy of the reminder shows the new state (their own answer and the group's count). The copy the
    /// button was pressed on is redrawn by the invoke's answer (with the undo button, which an update would take away).
    /// </summary>
    private async Task UpdateSentRemindersAsync(AgreementView agreement, AgreementChange change, string tenantId, PressedCard? pressed, CancellationToken ct)
    {
        // One read: each copy with its reader's language and whether they sent regrets for the due session, which
        // their copy keeps saying.
        var dueId = agreement.DueSession?.Id;
        var sent = await db.ReminderPlans
            .Where(r => r.AgreementId == agreement.Id && r.State == ReminderState.Sent)
            .Select(r => new
            {
                Key = ReminderPlan.KeyFor(r.AgreementId, r.PersonId, r.OffsetDays, r.SessionId, r.SessionVersion),
                r.PersonId,
                Language = db.People.Where(p => p.Id == r.PersonId).Select(p => (Language?)p.Language).FirstOrDefault(),
                Regretted = dueId != null && db.Regrets.Any(g => g.SessionId == dueId && g.PersonId == r.PersonId),
            })
            .ToListAsync(ct);
        foreach (var plan in sent)
        {
            if (pressed is not null && plan.PersonId == change.PersonId && await RedrawnByAnswerAsync(plan.Key, pressed, ct))
            {
                continue;
            }
            await outbox.EnqueueAsync(new OutgoingMessage
            {
                DedupeKey = $"{plan.Key}:c{change.Id}",
                TenantId = tenantId,
                PersonId = plan.PersonId,
                Card = ReminderCard.Build(agreement, plan.Language ?? default, viewerId: plan.PersonId, regretted: plan.Regretted),
                ReplacesDedupeKey = plan.Key,
                Purpose = "reminder-update",
                Priority = DeliveryPriority.Interactive,
            }, ct);
        }
    }

    /// <summary>
    /// Whether the invoke's answer is all this copy needs: the button was pressed on it, and no earlier update of it
    /// waits in the outbox (that one would land after the answer and draw an older state over it).
    /// </summary>
    private async Task<bool> RedrawnByAnswerAsync(string key, PressedCard pressed, CancellationToken ct) =>
        await outbox.FindDeliveredAsync(key, ct) is { } copy
        && copy.ActivityId == pressed.ActivityId && copy.ConversationId == pressed.ConversationId
        && !await outbox.UpdateWaitsAsync(key, ct);
}
