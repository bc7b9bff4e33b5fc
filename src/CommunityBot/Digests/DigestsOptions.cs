using CommunityBot.Schedule;
using Microsoft.Extensions.Options;

namespace CommunityBot.Digests;

/// <summary>When a tenant's weekly digest is made: a local day and time, in a time zone, in holidays or not.</summary>
public class DigestTiming
{
    /// <summary>
    /// The digest's local time, between 06:00 and 20:00: its period ends then and it arrives then, also before the end
    /// of the quiet hours (the tenant chose the start of a leader's day).
    /// </summary>
    public TimeOnly LocalTime { get; set; } = new(7, 30);

    /// <summary>The school day of the week the digest comes on (Monday to Friday).</summary>
    public DayOfWeek Day { get; set; } = DayOfWeek.Monday;

    public string TimeZone { get; set; } = "Europe/Brussels";

    /// <summary>Also in a week entirely in a school holiday (a leader who follows up in holidays).</summary>
    public bool SendInHolidays { get; set; }
}

/// <summary>
/// The "Digests" section: the timing of every tenant, and <c>Digests:Tenants:{tenantId}:…</c> for a tenant whose
/// digest comes at another moment (what a tenant's section leaves out keeps the top-level value).
/// </summary>
public sealed class DigestsOptions : DigestTiming
{
    public const string Section = "Digests";

    public Dictionary<string, DigestTiming> Tenants { get; set; } = new(StringComparer.Ordinal);

    public DigestTiming For(string tenantId) => Tenants.GetValueOrDefault(tenantId) ?? this;
}

/// <summary>Catches a timing that could never be kept, at start-up rather than on the first Monday.</summary>
internal sealed class DigestsOptionsValidator(IOptions<ScheduleOptions> schedule) : IValidateOptions<DigestsOptions>
{
    private static readonly TimeOnly EarliestTime = new(6, 0);
    private static readonly TimeOnly LatestTime = new(20, 0);

    public ValidateOptionsResult Validate(string? name, DigestsOptions options)
    {
        List<string> errors = [];
        Check(DigestsOptions.Section, options, errors);
        foreach (var (tenant, timing) in options.Tenants)
        {
            Check($"{DigestsOptions.Section}:Tenants:{tenant}", timing, errors);
        }
        return errors.Count > 0 ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
    }

    private void Check(string section, DigestTiming timing, List<string> errors)
    {
        if (timing.Day is DayOfWeek.Saturday or DayOfWeek.Sunday || !Enum.IsDefined(timing.Day))
        {
            errors.Add($"{section}:Day must be a weekday, Monday to Friday.");
        }
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timing.TimeZone ?? "", out _))
        {
            errors.Add($"{section}:TimeZone '{timing.TimeZone}' is not a known time zone.");
        }
        // The digest arrives at this time, quiet hours or not: early morning is a choice, the evening and night are not.
        var quiet = schedule.Value;
        var eveningQuiet = quiet.IsQuiet(timing.LocalTime) && timing.LocalTime >= quiet.QuietHoursEnd;
        if (timing.LocalTime < EarliestTime || timing.LocalTime >= LatestTime || eveningQuiet)
        {
            errors.Add($"{section}:LocalTime {timing.LocalTime:HH:mm} is in the evening or at night; the digest arrives at that time, so choose one from {EarliestTime:HH:mm} to before {LatestTime:HH:mm}"
                + (eveningQuiet && quiet.QuietHoursStart < LatestTime ? $" and before the evening quiet hours ({quiet.QuietHoursStart:HH:mm})." : "."));
        }
    }
}
