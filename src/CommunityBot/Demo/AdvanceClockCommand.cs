using System.Globalization;
using System.Text.RegularExpressions;
using CommunityBot.Bot;
using CommunityBot.Limits;
using CommunityBot.Localization;
using CommunityBot.Schedule;

namespace CommunityBot.Demo;

/// <summary>"advance 3 days" / "spoel 5 uur door": moves the demo clock. Registered in Development only.</summary>
internal sealed class AdvanceClockCommand(DemoClock clock, TimeProvider now) : IBotCommand
{
    public IReadOnlyList<string> Triggers { get; } = ["advance", "spoel"];

    public CommandHelp Help(Language language) => new(DevTexts.All.For(language).AdvanceCommand, DevTexts.All.For(language).AdvanceWhat)
    {
        Audience = CommandAudience.Development,
        Topic = CommandTopic.Development,
        Example = language == Language.English ? "advance 3 days" : "spoel 3 dagen door",
    };

    /// <summary>A year: further than that is a typing error, not a demo.</summary>
    private const int MaxDays = 365;

    public async Task HandleAsync(CommandContext context, CancellationToken ct)
    {
        var texts = DevTexts.All.For(context.Language);
        var match = Amount.Match(context.Arguments);
        if (!match.Success)
        {
            await context.Turn.ReplyTextAsync(texts.AdvanceUsage, ct);
            return;
        }
        // Whole days keep the time of day; hours let a demo (or a test) step out of the quiet hours.
        var inHours = match.Groups["unit"].Value is "uur" or "uren" or "h" or "hour" or "hours";
        var negative = match.Groups["sign"].Success;
        var max = inHours ? MaxDays * 24 : MaxDays;
        // The clock only moves forward, by a sensible amount: going back would leave sent messages in the future.
        if (negative || !int.TryParse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount < 1 || amount > max)
        {
            await context.Turn.ReplyTextAsync(texts.AdvanceRefused(MaxDays), ct);
            return;
        }
        clock.Advance(inHours ? TimeSpan.FromHours(amount) : TimeSpan.FromDays(amount));
        var moment = now.GetUtcNow();
        var local = Formats.DayAndTime(moment, LocalClock.Zone(null), context.Language, moment);
        await context.Turn.ReplyTextAsync(texts.Advanced(amount, inHours, local), ct);
    }

    private static readonly Regex Amount = LinearRegex.Create(@"(?<sign>[-−])?\s*(?<n>\d+)\s*(?<unit>uur|uren|hours?|h|dagen|dag|days?|d)?");
}
