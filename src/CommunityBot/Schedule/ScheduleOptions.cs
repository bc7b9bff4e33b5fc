using System.ComponentModel.DataAnnotations;
using CommunityBot.Tenants;

namespace CommunityBot.Schedule;

/// <summary>The "Schedule" section: when the bot may write to people, and when reminders, briefings and nudges fall.</summary>
public sealed class ScheduleOptions
{
    public const string Section = "Schedule";

    /// <summary>From this local time until <see cref="QuietHoursEnd"/> (next morning) nobody gets a proactive message.</summary>
    public TimeOnly QuietHoursStart { get; set; } = new(20, 0);

    public TimeOnly QuietHoursEnd { get; set; } = new(8, 0);

    /// <summary>Days before the due session at which each owner is reminded. Empty means the default, 7 and 2.</summary>
    public List<int> ReminderOffsetsDays { get; set; } = [];

    public TimeOnly ReminderLocalTime { get; set; } = new(16, 0);

    /// <summary>Days without school on top of the Flemish calendar (pedagogical study days, a tenant's own days off).</summary>
    public List<DateOnly> ExtraHolidays { get; set; } = [];

    [Range(1, 14)]
    public int BriefingDaysBefore { get; set; } = 1;

    public TimeOnly BriefingLocalTime { get; set; } = new(16, 0);

    /// <summary>The evening after a session, the coach is asked to record agreements if none were.</summary>
    public TimeOnly NudgeLocalTime { get; set; } = new(19, 0);

    /// <summary>The evening after a session, the coach gets its close-the-loop card (or an hour after its end, if later).</summary>
    public TimeOnly CloseLoopLocalTime { get; set; } = new(19, 30);

    /// <summary>How long before a community's cadence norm is missed the coach is asked to plan a session.</summary>
    [Range(1, 28)]
    public int CadenceWarningDays { get; set; } = 7;

    public IReadOnlyList<int> EffectiveReminderOffsets => ReminderOffsetsDays.Count > 0 ? ReminderOffsetsDays : [7, 2];

    /// <summary>A copy with a tenant's quiet hours and extra days off; everything else stays as configured.</summary>
    public ScheduleOptions ForTenant(TenantSettings tenant)
    {
        var copy = (ScheduleOptions)MemberwiseClone();
        copy.QuietHoursStart = tenant.QuietHoursStart;
        copy.QuietHoursEnd = tenant.QuietHoursEnd;
        copy.ExtraHolidays = [.. tenant.ExtraHolidays];
        return copy;
    }

    public bool IsQuiet(TimeOnly local) =>
        QuietHoursStart > QuietHoursEnd
            ? local >= QuietHoursStart || local < QuietHoursEnd
            : local >= QuietHoursStart && local < QuietHoursEnd;
}

/// <summary>Catches settings that would make the schedule meaningless, at start-up rather than at the first reminder.</summary>
internal sealed class ScheduleOptionsValidator : Microsoft.Extensions.Options.IValidateOptions<ScheduleOptions>
{
    public Microsoft.Extensions.Options.ValidateOptionsResult Validate(string? name, ScheduleOptions options)
    {
        List<string> errors = [];
        if (options.EffectiveReminderOffsets.Any(d => d is < 1 or > 60))
        {
            errors.Add("Schedule:ReminderOffsetsDays must be between 1 and 60 days.");
        }
        if (options.EffectiveReminderOffsets.Distinct().Count() != options.EffectiveReminderOffsets.Count)
        {
            errors.Add("Schedule:ReminderOffsetsDays must not repeat a day.");
        }
        foreach (var (key, time) in new[]
                 {
                     ("ReminderLocalTime", options.ReminderLocalTime),
                     ("BriefingLocalTime", options.BriefingLocalTime),
                     ("NudgeLocalTime", options.NudgeLocalTime),
                     ("CloseLoopLocalTime", options.CloseLoopLocalTime),
                 })
        {
            if (options.IsQuiet(time))
            {
                errors.Add($"Schedule:{key} falls in the quiet hours.");
            }
        }
        if (options.QuietHoursStart == options.QuietHoursEnd)
        {
            errors.Add("Schedule:QuietHoursStart and QuietHoursEnd must differ.");
        }
        return errors.Count > 0
            ? Microsoft.Extensions.Options.ValidateOptionsResult.Fail(errors)
            : Microsoft.Extensions.Options.ValidateOptionsResult.Success;
    }
}
