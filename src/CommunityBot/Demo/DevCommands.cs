using System.Globalization;
using System.Text.RegularExpressions;
using CommunityBot.Agreements;
using CommunityBot.Bot;
using CommunityBot.Briefings;
using CommunityBot.Localization;
using CommunityBot.Nudges;
using CommunityBot.Schedule;
using CommunityBot.Teams.Schema;

namespace CommunityBot.Demo;

/// <summary>"advance 3 days" / "spoel 3 dagen door": moves the demo clock. Registered in Development only.</summary>
internal sealed partial class AdvanceClockCommand(DemoClock clock, TimeProvider now) : IBotCommand
{
    public IReadOnlyList<string> Triggers { get; } = ["advance", "spoel"];

    public CommandHelp Help(Language language) => new(DevTexts.All.For(language).AdvanceCommand, DevTexts.All.For(language).AdvanceWhat);

    public async Task HandleAsync(CommandContext context, CancellationToken ct)
    {
        var texts = DevTexts.All.For(context.Language);
        var match = Days().Match(context.Arguments);
        if (!match.Success || !int.TryParse(match.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var days) || days is < 1 or > 120)
        {
            await context.Turn.ReplyAsync(Activity.CreateMessage(texts.AdvanceUsage), ct);
            return;
        }
        clock.Advance(TimeSpan.FromDays(days));
        var local = Formats.DayAndTime(now.GetUtcNow(), LocalClock.Zone(null), context.Language);
        await context.Turn.ReplyAsync(Activity.CreateMessage(texts.Advanced(days, local)), ct);
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex Days();
}

/// <summary>"run reminders now" / "herinneringen nu": runs every sweep at once instead of waiting for the minute.</summary>
internal sealed class RunRemindersNowCommand(ReminderSweep reminders, BriefingSweep briefings, NudgeSweep nudges) : IBotCommand
{
    public IReadOnlyList<string> Triggers { get; } = ["run reminders now", "herinneringen nu"];

    public CommandHelp Help(Language language) => new(DevTexts.All.For(language).RunCommand, DevTexts.All.For(language).RunWhat);

    public async Task HandleAsync(CommandContext context, CancellationToken ct)
    {
        await reminders.RunAsync(ct);
        await briefings.RunAsync(ct);
        await nudges.RunAsync(ct);
        await context.Turn.ReplyAsync(Activity.CreateMessage(DevTexts.All.For(context.Language).SweepsRun), ct);
    }
}
