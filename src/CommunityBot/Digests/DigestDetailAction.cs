using CommunityBot.Bot;
using CommunityBot.Conversations;
using CommunityBot.Delivery;
using CommunityBot.Teams.Cards;

namespace CommunityBot.Digests;

/// <summary>
/// "Meer details" under a community of the digest, or "Meer details over…" with one chosen: that person's digest of that week is computed again and the one
/// community's full section comes as a card of its own in the person's 1:1 chat. The card's data is only a question:
/// a community the recomputed digest does not hold (forged, another tenant, someone who gets no digest) is refused
/// with the same words whether it exists or not.
/// </summary>
internal sealed class DigestDetailAction(DigestBuilder builder, DigestCalendar calendar, Outbox outbox, TurnState state, TimeProvider time, ILogger<DigestDetailAction> logger)
    : CardActionHandler<DigestDetailData>
{
    public override string Verb => DigestVerbs.Detail;

    protected override async Task<CardActionResult> HandleAsync(CardActionContext context, DigestDetailData data, CancellationToken ct)
    {
        var person = state.RequirePerson();
        var texts = DigestTexts.All.For(state.Language);
        var communityId = data.Community();
        var digest = communityId is not null && await PeriodOfAsync(person.TenantId, data, ct) is { } period
            ? await builder.ForPersonAsync(person.TenantId, person.Id, period, ct)
            : null;
        if (digest?.Communities.FirstOrDefault(c => c.CommunityId == communityId) is not { } community)
        {
            DigestCardsLog.DetailRefused(logger, person.Id, communityId, data.Monday);
            return CardActionResult.Refuse(texts.DetailRefused);
        }
        // The person's own language now, which may have changed since the digest was sent.
        var card = DigestCards.Detail(
            digest with { Recipient = digest.Recipient with { Language = state.Language } }, community, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        DigestCardsLog.DetailSent(logger, person.Id, community.CommunityId, data.Monday);
        if (Conversation.KindOf(context.Activity) == ConversationKind.Personal)
        {
            return CardActionResult.NewCard(card, texts.DetailSent);
        }
        // From a channel or group chat the detail goes to the person alone: a coach's detail names people. The press's
        // activity id makes the key stable across Teams' redeliveries, while a later press sends a fresh copy.
        await outbox.EnqueueAsync(new OutgoingMessage
        {
            DedupeKey = $"digest-detail:{data.Monday:yyyy-MM-dd}:c{community.CommunityId}:p{person.Id}:{context.Activity.Id}",
            TenantId = person.TenantId,
            PersonId = person.Id,
            Card = card,
            Purpose = "digest-detail",
            Priority = DeliveryPriority.Interactive,
        }, ct);
        return CardActionResult.Message(texts.DetailSentToChat);
    }

    /// <summary>
    /// The period the card counted: its week's digest, or <c>digest nu</c>'s seven days up to <see cref="DigestDetailData.Until"/>.
    /// Only a Monday of the last year that has come (a day of slack: in Belgium Monday begins while it is still Sunday
    /// in UTC), and a moment in that week that has passed; any other date is answered like a community that is not yours.
    /// </summary>
    private async Task<DigestPeriod?> PeriodOfAsync(string tenantId, DigestDetailData data, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (data.Monday.DayOfWeek != DayOfWeek.Monday || data.Monday > today.AddDays(1) || data.Monday < today.AddDays(-7 * OldestWeek))
        {
            return null;
        }
        if (data.Until is not { } until)
        {
            return await calendar.PeriodOfAsync(tenantId, data.Monday, ct);
        }
        var untilDay = DateOnly.FromDateTime(until.UtcDateTime);
        return until <= now && untilDay >= data.Monday.AddDays(-1) && untilDay <= data.Monday.AddDays(7)
            ? calendar.LastSevenDays(tenantId, data.Monday, until)
            : null;
    }

    /// <summary>A digest card older than a year is not answered.</summary>
    private const int OldestWeek = 53;
}
