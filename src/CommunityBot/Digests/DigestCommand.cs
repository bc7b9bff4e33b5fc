using CommunityBot.Bot;
using CommunityBot.Delivery;
using CommunityBot.Localization;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Digests;

/// <summary>
/// <c>digest nu</c> / <c>digest now</c>: the person's digest of the last seven days, now. <c>digest uit</c> /
/// <c>digest off</c> and <c>digest aan</c> / <c>digest on</c>: the weekly one, per person. Only in the personal chat:
/// the digest may name the members a coach follows.
/// </summary>
internal sealed class DigestCommand(
    AppDbContext db, Outbox outbox, DigestRecipients recipients, DigestBuilder builder, DigestCalendar calendar, TimeProvider clock, ILogger<DigestCommand> logger) : IBotCommand
{
    public IReadOnlyList<string> Triggers { get; } = ["digest"];

    public CommandHelp Help(Language language)
    {
        var texts = DigestCommandTexts.All.For(language);
        return new CommandHelp(texts.Command, texts.CommandWhat) { Audience = CommandAudience.Leader | CommandAudience.Coach | CommandAudience.CoachTheCoach, Topic = CommandTopic.Digest, Example = language == Language.English ? "digest now" : "digest nu" };
    }

    public async Task HandleAsync(CommandContext context, CancellationToken ct)
    {
        var texts = DigestCommandTexts.All.For(context.Language);
        if (!context.InPersonalChat)
        {
            await context.Turn.ReplyTextAsync(texts.PersonalChatOnly, ct);
            return;
        }
        var person = context.State.RequirePerson();
        switch (context.Arguments)
        {
            case "nu" or "now":
                var digest = await builder.ForPersonAsync(person.TenantId, person.Id, await calendar.NowAsync(person.TenantId, clock.GetUtcNow(), ct), ct);
                if (digest is null)
                {
                    await context.Turn.ReplyTextAsync(texts.NotARecipient, ct);
                    return;
                }
                // Asked for in this turn's language, which may differ from the one the weekly digest is sent in.
                foreach (var card in DigestCards.Build(digest with { Recipient = digest.Recipient with { Language = context.Language } }))
                {
                    await context.Turn.ReplyCardAsync(card, ct);
                }
                break;
            case "uit" or "off":
                // This week's digest may be made and waiting for 08:00: it goes with the same "no".
                await using (var transaction = await db.Database.BeginTransactionAsync(ct))
                {
                    await db.InsertOrIgnoreAsync(new DigestOptOut { PersonId = person.Id, Since = clock.GetUtcNow() }, ct);
                    await outbox.WithdrawPendingAsync(person.Id, DigestSweep.Purpose, ct);
                    await transaction.CommitAsync(ct);
                }
                DigestsLog.Subscription(logger, person.Id, "off");
                await context.Turn.ReplyTextAsync(texts.TurnedOff, ct);
                break;
            case "aan" or "on":
                await db.Set<DigestOptOut>().Where(o => o.PersonId == person.Id).ExecuteDeleteAsync(ct);
                DigestsLog.Subscription(logger, person.Id, "on");
                var (day, time, holidays) = await calendar.ArrivalAsync(person.TenantId, ct);
                var culture = context.Language.Culture();
                var answer = texts.TurnedOn(culture.DateTimeFormat.GetDayName(day), time.ToString("HH:mm", culture), holidays);
                if (await recipients.ForPersonAsync(person.TenantId, person.Id, ct) is null)
                {
                    answer += " " + texts.OnButNoRole;
                }
                await context.Turn.ReplyTextAsync(answer, ct);
                break;
            default:
                await context.Turn.ReplyTextAsync(texts.Usage, ct);
                break;
        }
    }
}
