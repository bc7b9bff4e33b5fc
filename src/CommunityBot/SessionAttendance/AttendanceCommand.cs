using CommunityBot.Bot;
using CommunityBot.Communities;
using CommunityBot.Localization;

namespace CommunityBot.SessionAttendance;

/// <summary>"aanwezigheid" / "attendance": the attendance card of the latest held session of each community the person runs.</summary>
internal sealed class AttendanceCommand(CommunityDirectory access, AttendanceRegister register) : IBotCommand
{
    public IReadOnlyList<string> Triggers { get; } = ["aanwezigheid", "aanwezigheden", "attendance"];

    public CommandHelp Help(Language language)
    {
        var texts = AttendanceTexts.All.For(language);
        return new CommandHelp(texts.AttendanceCommand, texts.AttendanceWhat) { Audience = CommandAudience.Coach | CommandAudience.CoachTheCoach | CommandAudience.Admin, Topic = CommandTopic.Coaching };
    }

    public async Task HandleAsync(CommandContext context, CancellationToken ct)
    {
        var texts = AttendanceTexts.All.For(context.Language);
        // The card shows who was there: in a channel the whole team would see it.
        if (!context.InPersonalChat)
        {
            await context.Turn.ReplyTextAsync(texts.PersonalChatOnly, ct);
            return;
        }
        var communities = await access.RunByAsync(context.State.RequirePerson(), null, ct);
        if (communities.Count == 0)
        {
            await context.Turn.ReplyTextAsync(texts.RunsNoCommunity, ct);
            return;
        }
        foreach (var community in communities)
        {
            if (await register.LatestHeldAsync(community.Id, ct) is not { } session)
            {
                await context.Turn.ReplyTextAsync(texts.NoHeldSession(community.Name), ct);
                continue;
            }
            await context.Turn.ReplyCardAsync(AttendanceCard.Build(await register.SheetAsync(session.Id, ct), context.Language), ct);
        }
    }
}
