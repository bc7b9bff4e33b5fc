using System.Globalization;
using CommunityBot.Localization;

namespace CommunityBot.Tenants;

/// <summary>The bounds of every setting, and how the stored row's text columns read and write.</summary>
public static class TenantSettingsRules
{
    public const int MinK = 3;
    public const int MaxK = 1000;
    public const int MinRetention = 1;
    public const int MaxRetention = 10;
    public const int MaxExtraHolidays = 60;

    /// <summary>Extra days off may be chosen this many years ahead (the current and the next school years).</summary>
    public const int HolidayYearsAhead = 2;

    public static readonly TimeOnly EarliestDigestTime = new(6, 0);
    public static readonly TimeOnly LatestDigestTime = new(20, 0);

    /// <summary>What the card offers: the tenant's languages in order, the first for people whose Teams speaks neither.</summary>
    public static readonly IReadOnlyList<string> LanguageChoices = ["nl,en", "en,nl", "nl", "en"];

    public static TenantSettings Merge(TenantSettings defaults, TenantSettingsRow? row) => row is null ? defaults : defaults with
    {
        Languages = ParseLanguages(row.Languages) ?? defaults.Languages,
        QuietHoursStart = row.QuietHoursStart ?? defaults.QuietHoursStart,
        QuietHoursEnd = row.QuietHoursEnd ?? defaults.QuietHoursEnd,
        ExtraHolidays = row.ExtraHolidays is null ? defaults.ExtraHolidays : ParseStoredDates(row.ExtraHolidays),
        MinimumResponses = Math.Max(MinK, row.MinimumResponses ?? defaults.MinimumResponses),
        DigestDay = row.DigestDay ?? defaults.DigestDay,
        DigestTime = row.DigestTime ?? defaults.DigestTime,
        RetentionSchoolYears = row.RetentionSchoolYears ?? defaults.RetentionSchoolYears,
    };

    public static string LanguagesKey(IEnumerable<Language> languages) => string.Join(',', languages.Select(l => l.CardLang()));

    public static IReadOnlyList<Language>? ParseLanguages(string? key)
    {
        if (key is null || !LanguageChoices.Contains(key))
        {
            return null;
        }
        return [.. key.Split(',').Select(tag => Languages.TryParse(tag, out var language) ? language : Language.Dutch)];
    }

    /// <summary>The language a new person gets: their Teams client's, when the tenant offers it; else the tenant's first.</summary>
    public static Language Offered(this TenantSettings settings, Language wanted) =>
        settings.Languages.Contains(wanted) ? wanted : settings.Languages[0];

    public static string StoredDates(IEnumerable<DateOnly> dates) =>
        string.Join(',', dates.Order().Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));

    private static IReadOnlyList<DateOnly> ParseStoredDates(string text) =>
        [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture))];
}
