using CommunityBot.Bot;
using CommunityBot.Communities;
using CommunityBot.Localization;
using CommunityBot.Schedule;
using CommunityBot.Sessions;

namespace CommunityBot.SessionAttendance;

/// <summary>
/// "ik kan niet komen" / "I can't come": a regrets card for the next session of each community the person is in. A card
/// rather than an immediate regret, so the member can add a reason and sees that only the coach will hear it.
/// </summary>
internal sealed class CantComeCommand(CommunityDirectory access, SessionQueries sessions, AttendanceQueries attendance, TimeProvider clock) : IBotCommand
{
    public IReadOnlyList<string> Triggers { get; } = ["ik kan niet komen", "i can't come", "i can’t come", "i cannot come"];

    public CommandHelp Help(Language language)
    {
        var texts = AttendanceTexts.All.For(language);
        return new CommandHelp(texts.CantComeCommand, texts.CantComeWhat) { Audience = CommandAudience.Member | CommandAudience.Coach, Topic = CommandTopic.Sessions };
    }

    public async Task HandleAsync(CommandContext context, CancellationToken ct)
    {
        var texts = AttendanceTexts.All.For(context.Language);
        // A card in a channel is seen by the whole team, and regrets are between the member and the coach.
        if (!context.InPersonalChat)
        {
            await context.Turn.ReplyTextAsync(texts.PersonalChatOnly, ct);
            return;
        }
        var person = context.State.RequirePerson();
        var communities = await access.MemberOfAsync(person, null, ct);
        var next = await sessions.NextSessionsAsync(communities.Select(c => c.Id), ct);
        var ahead = communities.Where(c => next.ContainsKey(c.Id)).ToList();
        if (ahead.Count == 0)
        {
            await context.Turn.ReplyTextAsync(texts.NoUpcomingSession, ct);
            return;
        }
        foreach (var community in ahead)
        {
            var session = next[community.Id];
            var regretted = await attendance.HasRegretsAsync(person.Id, session.Id, ct);
            var card = RegretCard.Build(new RegretSession(session.Id, community.Name, session.StartsAt, LocalClock.Zone(community.TimeZone)), regretted, clock.GetUtcNow(), context.Language);
            await context.Turn.ReplyCardAsync(card, ct);
        }
    }
}
