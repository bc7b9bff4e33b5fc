using System.Globalization;
using CommunityBot.Localization;
using CommunityBot.Schedule;

namespace CommunityBot.Tenants;

/// <summary>
/// Reads the settings card's inputs into the values to store, with an error in the admin's language for each one out
/// of bounds. A value equal to the configured default is stored as "no choice" (null), so it follows that default.
/// </summary>
public static class TenantSettingsParser
{
    private static readonly string[] TimeFormats = ["HH:mm", "H:mm", "HH:mm:ss"];
    private static readonly string[] DateFormats = ["d/M/yyyy", "d-M-yyyy", "d.M.yyyy", "yyyy-MM-dd"];
    private static readonly char[] DateSeparators = [',', ';', ' ', '\n', '\r', '\t'];

    public sealed record Parsed(TenantSettingsRow Row, IReadOnlyList<string> Errors);

    public sealed record Change(TenantSetting Setting, string Old, string New);

    /// <param name="flemish">The Flemish school calendar without any extra days: a chosen day must be a school day there.</param>
    public static Parsed Parse(TenantSettingsForm form, TenantSettingsView view, SchoolCalendar flemish, TenantSettingsTexts texts, Language language)
    {
        var defaults = view.Defaults;
        var culture = language.Culture();
        List<string> errors = [];
        var row = new TenantSettingsRow { TenantId = "" };

        if (TenantSettingsRules.ParseLanguages(form.Languages) is not null)
        {
            row.Languages = Unless(form.Languages, TenantSettingsRules.LanguagesKey(defaults.Languages));
        }
        else
        {
            errors.Add(texts.ErrorLanguages);
        }

        var quietStart = Time(form.QuietStart);
        var quietEnd = Time(form.QuietEnd);
        if (quietStart is null || quietEnd is null)
        {
            errors.Add(texts.ErrorQuietTime);
        }
        else if (quietStart <= quietEnd)
        {
            // Quiet hours are the night: a start before the end would leave only the night for messages (a swapped entry).
            errors.Add(texts.ErrorQuietSame);
        }
        else if (quietStart != defaults.QuietHoursStart || quietEnd != defaults.QuietHoursEnd)
        {
            (row.QuietHoursStart, row.QuietHoursEnd) = (quietStart, quietEnd);
        }

        if (int.TryParse(form.K?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var k) && k is >= TenantSettingsRules.MinK and <= TenantSettingsRules.MaxK)
        {
            row.MinimumResponses = k == defaults.MinimumResponses ? null : k;
        }
        else
        {
            errors.Add(string.Format(culture, texts.ErrorK, TenantSettingsRules.MinK, TenantSettingsRules.MaxK));
        }

        if (Enum.TryParse<DayOfWeek>(form.DigestDay, ignoreCase: false, out var day) && day is >= DayOfWeek.Monday and <= DayOfWeek.Friday
            && form.DigestDay == day.ToString())
        {
            row.DigestDay = day == defaults.DigestDay ? null : day;
        }
        else
        {
            errors.Add(texts.ErrorDigestDay);
        }
        var digestTime = Time(form.DigestTime);
        if (digestTime is not { } time || time < TenantSettingsRules.EarliestDigestTime || time >= TenantSettingsRules.LatestDigestTime)
        {
            errors.Add(string.Format(culture, texts.ErrorDigestTime, Hm(TenantSettingsRules.EarliestDigestTime), Hm(TenantSettingsRules.LatestDigestTime)));
        }
        else if (quietStart is { } start && quietEnd is { } end && start != end && InEveningQuiet(time, start, end))
        {
            // The digest arrives at its time even before the quiet hours end (the start of a leader's day), never in the evening.
            errors.Add(string.Format(culture, texts.ErrorDigestTimeQuiet, Hm(start)));
        }
        else
        {
            row.DigestTime = time == defaults.DigestTime ? null : time;
        }

        if (int.TryParse(form.Retention?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var years)
            && years is >= TenantSettingsRules.MinRetention and <= TenantSettingsRules.MaxRetention)
        {
            row.RetentionSchoolYears = years == defaults.RetentionSchoolYears ? null : years;
        }
        else
        {
            errors.Add(string.Format(culture, texts.ErrorRetention, TenantSettingsRules.MinRetention, TenantSettingsRules.MaxRetention));
        }

        if (Holidays(form.Holidays, view, flemish, texts, culture, errors) is { } holidays)
        {
            // Past days stay as they were: the digest periods of past weeks were computed with them.
            var kept = view.Current.ExtraHolidays.Where(d => d < view.Today).Concat(holidays).Distinct().Order().ToList();
            row.ExtraHolidays = kept.SequenceEqual(defaults.ExtraHolidays.Distinct().Order()) ? null : TenantSettingsRules.StoredDates(kept);
        }
        return new Parsed(row, errors);
    }

    /// <summary>The settings whose value changed, as the history keeps them (invariant text).</summary>
    public static IReadOnlyList<Change> Changes(TenantSettings before, TenantSettings after) =>
    [
        .. new (TenantSetting Setting, Func<TenantSettings, string> Value)[]
        {
            (TenantSetting.Languages, s => TenantSettingsRules.LanguagesKey(s.Languages)),
            (TenantSetting.QuietHours, s => $"{Hm(s.QuietHoursStart)}–{Hm(s.QuietHoursEnd)}"),
            (TenantSetting.ExtraHolidays, s => TenantSettingsRules.StoredDates(s.ExtraHolidays)),
            (TenantSetting.MinimumResponses, s => s.MinimumResponses.ToString(CultureInfo.InvariantCulture)),
            (TenantSetting.DigestMoment, s => $"{s.DigestDay} {Hm(s.DigestTime)}"),
            (TenantSetting.RetentionSchoolYears, s => s.RetentionSchoolYears.ToString(CultureInfo.InvariantCulture)),
        }
        .Select(v => new Change(v.Setting, v.Value(before), v.Value(after)))
        .Where(c => c.Old != c.New),
    ];

    public static string Hm(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>In the quiet hours and after their end: the evening, not the early morning before they end.</summary>
    private static bool InEveningQuiet(TimeOnly time, TimeOnly start, TimeOnly end)
    {
        var quiet = start > end ? time >= start || time < end : time >= start && time < end;
        return quiet && time >= end;
    }

    private static string? Unless(string? value, string defaultValue) => value == defaultValue ? null : value;

    private static TimeOnly? Time(string? text) =>
        TimeOnly.TryParseExact(text?.Trim(), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;

    /// <summary>The upcoming days off typed, or null (with the errors added) when one is not a date, not ahead, or no school day.</summary>
    private static List<DateOnly>? Holidays(string? text, TenantSettingsView view, SchoolCalendar flemish, TenantSettingsTexts texts, CultureInfo culture, List<string> errors)
    {
        var before = errors.Count;
        var last = view.Today.AddYears(TenantSettingsRules.HolidayYearsAhead);
        List<DateOnly> days = [];
        foreach (var token in (text ?? "").Split(DateSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!DateOnly.TryParseExact(token, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                errors.Add(string.Format(culture, texts.ErrorHolidayFormat, token.Length > 20 ? token[..20] + "…" : token));
            }
            else if (date < view.Today || date > last)
            {
                errors.Add(string.Format(culture, texts.ErrorHolidayRange, Date(date), Date(last)));
            }
            else if (!flemish.IsSchoolDay(date))
            {
                errors.Add(string.Format(culture, texts.ErrorHolidayNotSchoolDay, Date(date)));
            }
            else
            {
                days.Add(date);
            }
            if (errors.Count - before >= 3)
            {
                // A pasted list full of mistakes: three messages say enough.
                break;
            }
        }
        if (days.Distinct().Count() > TenantSettingsRules.MaxExtraHolidays)
        {
            errors.Add(string.Format(culture, texts.ErrorHolidaysTooMany, TenantSettingsRules.MaxExtraHolidays));
        }
        return errors.Count > before ? null : days;
    }

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
