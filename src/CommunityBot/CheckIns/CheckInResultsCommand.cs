using CommunityBot.Bot;
using CommunityBot.Communities;
using CommunityBot.Localization;
using CommunityBot.Teams.Schema;

namespace CommunityBot.CheckIns;

/// <summary>
/// "check-in resultaten" / "check-in results": the latest closed round of each community the person coaches or coaches
/// the coach of. Members and leaders are refused: the card carries the comments, which only coaches read.
/// </summary>
internal sealed class CheckInResultsCommand(CommunityDirectory directory, CheckInReports reports, TimeProvider clock) : IBotCommand
{
    public IReadOnlyList<string> Triggers { get; } = ["check-in resultaten", "checkin resultaten", "check-in results", "checkin results"];

    public CommandHelp Help(Language language)
    {
        var texts = CheckInResultTexts.All.For(language);
        return new CommandHelp(texts.Command, texts.CommandWhat) { Audience = CommandAudience.Coach | CommandAudience.CoachTheCoach, Topic = CommandTopic.Coaching };
    }

    public async Task HandleAsync(CommandContext context, CancellationToken ct)
    {
        var texts = CheckInResultTexts.All.For(context.Language);
        // Comments read aloud in a channel would reach the members who wrote them and everyone else.
        if (context.Turn.Activity.Conversation?.ConversationType != ConversationTypes.Personal)
        {
            await context.Turn.ReplyTextAsync(CheckInTexts.All.For(context.Language).PersonalChatOnly, ct);
            return;
        }
        var person = context.State.RequirePerson();
        List<Community> coached = [];
        foreach (var community in await directory.MemberOfAsync(person, null, ct))
        {
            if (await directory.RoleAsync(person.Id, community.Id, ct) is CommunityRole.Coach or CommunityRole.CoachTheCoach)
            {
                coached.Add(community);
            }
        }
        if (coached.Count == 0)
        {
            await context.Turn.ReplyTextAsync(texts.Refused, ct);
            return;
        }
        foreach (var community in coached)
        {
            if (await reports.LatestClosedAsync(community.Id, ct) is { } report)
            {
                await context.Turn.ReplyCardAsync(report.Card(clock.GetUtcNow(), context.Language), ct);
            }
            else
            {
                await context.Turn.ReplyTextAsync(texts.NoneClosed(community.Name), ct);
            }
        }
    }
}
