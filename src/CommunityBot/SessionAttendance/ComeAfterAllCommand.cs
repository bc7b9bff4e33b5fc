using CommunityBot.Bot;
using CommunityBot.Localization;
using CommunityBot.Schedule;
using CommunityBot.Sessions;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.SessionAttendance;

/// <summary>
/// "ik kom toch" / "I can come after all": takes back the regrets for a session still to come. With regrets for one
/// session that is done at once; with several, each gets a card with its own button.
/// </summary>
internal sealed class ComeAfterAllCommand(AppDbContext db, RegretBook book, TimeProvider clock) : IBotCommand
{
    public IReadOnlyList<string> Triggers { get; } = ["ik kom toch", "i can come after all"];

    public CommandHelp Help(Language language)
    {
        var texts = AttendanceTexts.All.For(language);
        return new CommandHelp(texts.ComeAfterAllCommand, texts.ComeAfterAllWhat) { Audience = CommandAudience.Member | CommandAudience.Coach, Topic = CommandTopic.Sessions };
    }

    public async Task HandleAsync(CommandContext context, CancellationToken ct)
    {
        var texts = AttendanceTexts.All.For(context.Language);
        if (!context.InPersonalChat)
        {
            await context.Turn.ReplyTextAsync(texts.PersonalChatOnly, ct);
            return;
        }
        var person = context.State.RequirePerson();
        var now = clock.GetUtcNow();
        var regretted = await db.Sessions.AsNoTracking().Include(s => s.Community)
            .Where(s => s.Status == SessionStatus.Planned && s.StartsAt > now
                && db.Regrets.Any(r => r.SessionId == s.Id && r.PersonId == person.Id))
            .OrderBy(s => s.StartsAt)
            .ToListAsync(ct);
        if (regretted.Count == 0)
        {
            await context.Turn.ReplyTextAsync(texts.NotRegretted, ct);
            return;
        }
        if (regretted.Count == 1)
        {
            var result = await book.TakeBackAsync(person, regretted[0].Id, ct);
            var session = result.Session ?? regretted[0];
            var zone = LocalClock.Zone(session.Community.TimeZone);
            await context.Turn.ReplyTextAsync(result.Outcome == RegretOutcome.NotAhead ? texts.SessionNotAhead
                : texts.ComingAfterAll(Formats.DayAndTime(session.StartsAt, zone, context.Language, now)), ct);
            return;
        }
        foreach (var session in regretted)
        {
            var card = RegretCard.Build(new RegretSession(session.Id, session.Community.Name, session.StartsAt, LocalClock.Zone(session.Community.TimeZone)), regretted: true, now, context.Language);
            await context.Turn.ReplyCardAsync(card, ct);
        }
    }
}
