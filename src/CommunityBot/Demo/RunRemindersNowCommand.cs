using CommunityBot.Agreements;
using CommunityBot.Bot;
using CommunityBot.Briefings;
using CommunityBot.Digests;
using CommunityBot.Localization;
using CommunityBot.Nudges;
using CommunityBot.Schedule;

namespace CommunityBot.Demo;

/// <summary>
/// "run reminders now" / "herinneringen nu": runs every sweep at once instead of waiting for the minute. Outside the
/// moments the contact rules allow, what is due waits in the outbox: the answer then says until when, and why.
/// </summary>
internal sealed class RunRemindersNowCommand(
    ReminderSweep reminders, BriefingSweep briefings, NudgeSweep nudges, CloseLoopSweep loops, DigestSweep digests, ContactRules rules, TimeProvider clock) : IBotCommand
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
        var texts = DevTexts.All.For(context.Language);
        // The demo's communities keep the default time zone, as the demo clock's answers do.
        var zone = LocalClock.Zone(null);
        var now = clock.GetUtcNow();
        await context.Turn.ReplyTextAsync(rules.MayContactAt(now, zone) ? texts.SweepsRun
            : texts.SweepsDeferred(When(rules.NextContactMoment(now, zone), now, zone, context.Language), texts.Reason(ReasonAt(now, zone))), ct);
    }

    private DeferReason ReasonAt(DateTimeOffset now, TimeZoneInfo zone)
    {
        var day = DateOnly.FromDateTime(LocalClock.ToLocal(now, zone));
        return rules.Calendar.HolidayOn(day) is not null ? DeferReason.Holiday
            : day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? DeferReason.Weekend
            : DeferReason.QuietHours;
    }

    /// <summary>"morgen om 08:00", or the date when it is further away.</summary>
    private static string When(DateTimeOffset moment, DateTimeOffset now, TimeZoneInfo zone, Language language)
    {
        var texts = DevTexts.All.For(language);
        var days = DateOnly.FromDateTime(LocalClock.ToLocal(moment, zone)).DayNumber - DateOnly.FromDateTime(LocalClock.ToLocal(now, zone)).DayNumber;
        var day = days switch
        {
            0 => texts.Today,
            1 => texts.Tomorrow,
            _ => Formats.Day(moment, zone, language, now),
        };
        return texts.At(day, Formats.Time(moment, zone, language));
    }
}
