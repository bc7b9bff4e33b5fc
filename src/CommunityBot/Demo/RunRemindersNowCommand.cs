using CommunityBot.Agreements;
using CommunityBot.Bot;
using CommunityBot.Briefings;
using CommunityBot.Digests;
using CommunityBot.Localization;
using CommunityBot.Nudges;

namespace CommunityBot.Demo;

/// <summary>"run reminders now" / "herinneringen nu": runs every sweep at once instead of waiting for the minute.</summary>
internal sealed class RunRemindersNowCommand(ReminderSweep reminders, BriefingSweep briefings, NudgeSweep nudges, CloseLoopSweep loops, DigestSweep digests) : IBotCommand
{
    public IReadOnlyList<string> Triggers { get; } = ["run reminders now", "herinneringen nu"];

    public CommandHelp Help(Language language) =>
        new(DevTexts.All.For(language).RunCommand, DevTexts.All.For(language).RunWhat) { Audience = CommandAudience.Development, Topic = CommandTopic.Development };

    public async Task HandleAsync(CommandContext context, CancellationToken ct)
    {
        await reminders.RunAsync(ct);
        await briefings.RunAsync(ct);
        await nudges.RunAsync(ct);
        await loops.RunAsync(ct);
        await digests.RunAsync(ct);
        await context.Turn.ReplyTextAsync(DevTexts.All.For(context.Language).SweepsRun, ct);
    }
}
