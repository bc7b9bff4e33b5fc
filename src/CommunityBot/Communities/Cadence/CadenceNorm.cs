using System.Globalization;

namespace CommunityBot.Communities.Cadence;

/// <summary>
/// The bounds of a community's rhythm and planned session length, shared by the import, the cadence card and the
/// planning warnings, so the three cannot disagree.
/// </summary>
public static class CadenceNorm
{
    public const int DefaultWeeks = 6;
    public const int MinWeeks = 2;
    public const int MaxWeeks = 12;
    public const int DefaultPerYear = 5;
    public const int MinPerYear = 1;
    public const int MaxPerYear = 20;

    public static readonly TimeSpan DefaultDuration = TimeSpan.FromHours(2.5);
    public static readonly TimeSpan MinDuration = TimeSpan.FromHours(1);
    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(4);

    /// <summary>Planned lengths go in quarter hours: what a school timetable works with.</summary>
    public static readonly TimeSpan DurationStep = TimeSpan.FromMinutes(15);

    /// <summary>The seeds' advice (004: "minstens voor twee à drie uur"); outside it planning warns, it does not refuse.</summary>
    public static readonly TimeSpan AdvisedMinDuration = TimeSpan.FromHours(2);
    public static readonly TimeSpan AdvisedMaxDuration = TimeSpan.FromHours(3);

    /// <summary>Sessions closer than this are "te dicht op elkaar" (004): planning warns.</summary>
    public static readonly TimeSpan MinSpacing = TimeSpan.FromDays(14);

    public static int DefaultCount(CadenceKind kind) => kind == CadenceKind.EveryNWeeks ? DefaultWeeks : DefaultPerYear;

    public static (int Min, int Max) CountRange(CadenceKind kind) =>
        kind == CadenceKind.EveryNWeeks ? (MinWeeks, MaxWeeks) : (MinPerYear, MaxPerYear);

    public static bool IsValidCount(CadenceKind kind, int count) => CountRange(kind) is var (min, max) && count >= min && count <= max;

    public static bool IsValidDuration(TimeSpan duration) =>
        duration >= MinDuration && duration <= MaxDuration && duration.Ticks % DurationStep.Ticks == 0;

    /// <summary>Every allowed planned length, shortest first.</summary>
    public static IEnumerable<TimeSpan> Durations()
    {
        for (var d = MinDuration; d <= MaxDuration; d += DurationStep)
        {
            yield return d;
        }
    }

    /// <summary>A kind as written in an import or sent by the card: "weeks"/"weken" or "school-year"/"schooljaar".</summary>
    public static CadenceKind? ParseKind(string? value) => value?.Trim().ToLowerInvariant().Replace(" ", "-", StringComparison.Ordinal) switch
    {
        "weeks" or "weken" or "every-n-weeks" or "everynweeks" => CadenceKind.EveryNWeeks,
        "school-year" or "schooljaar" or "per-school-year" or "perschoolyear" or "per-schooljaar" => CadenceKind.PerSchoolYear,
        _ => null,
    };

    /// <summary>A length in minutes, as the cards send it.</summary>
    public static TimeSpan? ParseMinutes(string? value) =>
        int.TryParse(value?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) && minutes <= 24 * 60
            ? TimeSpan.FromMinutes(minutes) : null;

    /// <summary>A length in hours, as an import writes it: "2.5" or "2,5".</summary>
    public static TimeSpan? ParseHours(string? value) =>
        decimal.TryParse(value?.Trim().Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var hours) && hours <= 24
            ? TimeSpan.FromMinutes((double)(hours * 60)) : null;
}
