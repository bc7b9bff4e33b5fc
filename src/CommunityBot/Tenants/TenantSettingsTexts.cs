using CommunityBot.Localization;

namespace CommunityBot.Tenants;

/// <summary>Everything the settings card and the <c>instellingen</c> command say.</summary>
public sealed record TenantSettingsTexts
{
    public required string Command { get; init; }
    public required string What { get; init; }
    public required string Title { get; init; }
    public required string Intro { get; init; }
    public required string Saved { get; init; }
    public required string ResetDone { get; init; }

    /// <summary>{0} the label, {1} the default.</summary>
    public required string WithDefault { get; init; }

    public required string LanguagesLabel { get; init; }

    /// <summary>Per choice of <see cref="TenantSettingsRules.LanguageChoices"/>, in that order.</summary>
    public required IReadOnlyList<string> LanguageChoiceNames { get; init; }

    public required string QuietStartLabel { get; init; }
    public required string QuietEndLabel { get; init; }
    public required string HolidaysLabel { get; init; }
    public required string HolidaysPlaceholder { get; init; }
    public required string None { get; init; }
    public required string KLabel { get; init; }
    public required string DigestDayLabel { get; init; }
    public required string DigestTimeLabel { get; init; }
    public required string RetentionLabel { get; init; }

    public required Func<int, string> SchoolYears { get; init; }

    public required string Save { get; init; }
    public required string Reset { get; init; }
    public required string HistoryTitle { get; init; }

    /// <summary>{0} when, {1} who, {2} the setting, {3} old, {4} new.</summary>
    public required string HistoryLine { get; init; }

    /// <summary>Who changed a setting, once that person's data was deleted.</summary>
    public required string Someone { get; init; }
    public required IReadOnlyDictionary<TenantSetting, string> SettingNames { get; init; }
    public required string ErrorLanguages { get; init; }
    public required string ErrorQuietTime { get; init; }
    public required string ErrorQuietSame { get; init; }

    /// <summary>{0} lowest, {1} highest.</summary>
    public required string ErrorK { get; init; }

    public required string ErrorDigestDay { get; init; }

    /// <summary>{0} earliest, {1} latest.</summary>
    public required string ErrorDigestTime { get; init; }

    /// <summary>{0} start of the quiet hours.</summary>
    public required string ErrorDigestTimeQuiet { get; init; }

    /// <summary>{0} lowest, {1} highest.</summary>
    public required string ErrorRetention { get; init; }

    /// <summary>{0} what was typed.</summary>
    public required string ErrorHolidayFormat { get; init; }

    /// <summary>{0} the date.</summary>
    public required string ErrorHolidayNotSchoolDay { get; init; }

    /// <summary>{0} the date, {1} the last date allowed.</summary>
    public required string ErrorHolidayRange { get; init; }

    /// <summary>{0} the most.</summary>
    public required string ErrorHolidaysTooMany { get; init; }

    public required string NotAllowed { get; init; }
    public required string PersonalChatOnly { get; init; }
    public required string LanguageNotOffered { get; init; }

    public static readonly Localized<TenantSettingsTexts> All = new(
        new TenantSettingsTexts
        {
            Command = "instellingen",
            What = "de instellingen van je scholengroep bekijken en wijzigen",
            Title = "Instellingen van je scholengroep",
            Intro = "Deze keuzes gelden voor alle leergemeenschappen van je scholengroep. Wat je op de standaardwaarde laat, volgt de standaard.",
            Saved = "✓ Opgeslagen",
            ResetDone = "✓ Alles staat weer op de standaardwaarden",
            WithDefault = "{0} — standaard: {1}",
            LanguagesLabel = "Talen",
            LanguageChoiceNames = ["Nederlands en Engels (nieuwe mensen: Nederlands)", "Engels en Nederlands (nieuwe mensen: Engels)", "Alleen Nederlands", "Alleen Engels"],
            QuietStartLabel = "Stille uren beginnen om",
            QuietEndLabel = "Stille uren eindigen om",
            HolidaysLabel = "Extra vrije dagen (bv. pedagogische studiedagen)",
            HolidaysPlaceholder = "bv. 13/02/2027, 12/03/2027",
            None = "geen",
            KLabel = "Resultaten van een check-in pas tonen vanaf zoveel antwoorden (minstens 3)",
            DigestDayLabel = "Dag van het weekoverzicht",
            DigestTimeLabel = "Uur van het weekoverzicht (06:00–20:00)",
            RetentionLabel = "Antwoorden bewaren",
            SchoolYears = n => n == 1 ? "1 schooljaar" : $"{n} schooljaren",
            Save = "Opslaan",
            Reset = "Standaardwaarden herstellen",
            HistoryTitle = "Laatste wijzigingen",
            HistoryLine = "{0} · {1}: {2} {3} → {4}",
            Someone = "iemand",
            SettingNames = new Dictionary<TenantSetting, string>
            {
                [TenantSetting.Languages] = "talen",
                [TenantSetting.QuietHours] = "stille uren",
                [TenantSetting.ExtraHolidays] = "extra vrije dagen",
                [TenantSetting.MinimumResponses] = "minimum aantal antwoorden",
                [TenantSetting.DigestMoment] = "weekoverzicht",
                [TenantSetting.RetentionSchoolYears] = "bewaartermijn",
            },
            ErrorLanguages = "Kies welke talen je scholengroep aanbiedt.",
            ErrorQuietTime = "Vul het begin en het einde van de stille uren in als uur (bv. 20:00).",
            ErrorQuietSame = "De stille uren zijn de nacht: ze beginnen 's avonds en eindigen 's ochtends, over middernacht (bv. 20:00 tot 08:00).",
            ErrorK = "Het minimum aantal antwoorden is een getal van {0} tot {1}: met minder zou je kunnen raden wie wat antwoordde.",
            ErrorDigestDay = "Kies een schooldag, maandag tot vrijdag, voor het weekoverzicht.",
            ErrorDigestTime = "Het weekoverzicht komt tussen {0} en {1}: kies een uur daartussen.",
            ErrorDigestTimeQuiet = "Het weekoverzicht kan niet 's avonds in de stille uren komen (vanaf {0}): kies een vroeger uur.",
            ErrorRetention = "Bewaar antwoorden {0} tot {1} schooljaren.",
            ErrorHolidayFormat = "'{0}' is geen datum: schrijf dd/mm/jjjj, gescheiden door komma's.",
            ErrorHolidayNotSchoolDay = "{0} is al geen schooldag (weekend of schoolvakantie): laat die dag weg.",
            ErrorHolidayRange = "{0} ligt niet tussen vandaag en {1}: kies dagen in de komende schooljaren.",
            ErrorHolidaysTooMany = "Hoogstens {0} extra vrije dagen.",
            NotAllowed = "Alleen een beheerder van je scholengroep kan de instellingen bekijken en wijzigen. Er is niets veranderd.",
            PersonalChatOnly = "De instellingen open je in je persoonlijke chat met mij.",
            LanguageNotOffered = "Je scholengroep biedt die taal niet aan.",
        },
        new TenantSettingsTexts
        {
            Command = "settings",
            What = "view and change your school group's settings",
            Title = "Settings of your school group",
            Intro = "These choices apply to every learning community of your school group. Whatever you leave at the default follows the default.",
            Saved = "✓ Saved",
            ResetDone = "✓ Everything is back at the defaults",
            WithDefault = "{0} — default: {1}",
            LanguagesLabel = "Languages",
            LanguageChoiceNames = ["Dutch and English (new people: Dutch)", "English and Dutch (new people: English)", "Dutch only", "English only"],
            QuietStartLabel = "Quiet hours start at",
            QuietEndLabel = "Quiet hours end at",
            HolidaysLabel = "Extra days off (e.g. teacher training days)",
            HolidaysPlaceholder = "e.g. 13/02/2027, 12/03/2027",
            None = "none",
            KLabel = "Show a check-in's results only from this many answers (at least 3)",
            DigestDayLabel = "Day of the weekly digest",
            DigestTimeLabel = "Time of the weekly digest (06:00–20:00)",
            RetentionLabel = "Keep answers",
            SchoolYears = n => n == 1 ? "1 school year" : $"{n} school years",
            Save = "Save",
            Reset = "Restore the defaults",
            HistoryTitle = "Latest changes",
            HistoryLine = "{0} · {1}: {2} {3} → {4}",
            Someone = "someone",
            SettingNames = new Dictionary<TenantSetting, string>
            {
                [TenantSetting.Languages] = "languages",
                [TenantSetting.QuietHours] = "quiet hours",
                [TenantSetting.ExtraHolidays] = "extra days off",
                [TenantSetting.MinimumResponses] = "minimum number of answers",
                [TenantSetting.DigestMoment] = "weekly digest",
                [TenantSetting.RetentionSchoolYears] = "retention",
            },
            ErrorLanguages = "Choose which languages your school group offers.",
            ErrorQuietTime = "Fill in the start and the end of the quiet hours as a time (e.g. 20:00).",
            ErrorQuietSame = "The quiet hours are the night: they start in the evening and end in the morning, past midnight (e.g. 20:00 to 08:00).",
            ErrorK = "The minimum number of answers is a number from {0} to {1}: with fewer, one could guess who answered what.",
            ErrorDigestDay = "Choose a school day, Monday to Friday, for the weekly digest.",
            ErrorDigestTime = "The weekly digest comes between {0} and {1}: choose a time in between.",
            ErrorDigestTimeQuiet = "The weekly digest cannot come in the evening quiet hours (from {0}): choose an earlier time.",
            ErrorRetention = "Keep answers {0} to {1} school years.",
            ErrorHolidayFormat = "'{0}' is not a date: write dd/mm/yyyy, separated by commas.",
            ErrorHolidayNotSchoolDay = "{0} is already no school day (weekend or school holiday): leave it out.",
            ErrorHolidayRange = "{0} is not between today and {1}: choose days in the coming school years.",
            ErrorHolidaysTooMany = "At most {0} extra days off.",
            NotAllowed = "Only an admin of your school group can view and change the settings. Nothing was changed.",
            PersonalChatOnly = "Open the settings in your personal chat with me.",
            LanguageNotOffered = "Your school group does not offer that language.",
        });
}
