using System.Globalization;
using CommunityBot.Localization;
using CommunityBot.Schedule;
using CommunityBot.Teams.Cards;

namespace CommunityBot.Tenants;

/// <summary>
/// The tenant admin's settings card: every setting with its current value and the configured default in its label,
/// the latest changes, and Save (<see cref="TenantSettingsVerbs.Save"/>) and Reset (<see cref="TenantSettingsVerbs.Reset"/>).
/// </summary>
public static class TenantSettingsCard
{
    /// <param name="values">The admin's last input, shown again with <paramref name="errors"/>; else the stored values.</param>
    /// <param name="done">"✓ Opgeslagen" or the reset's confirmation, above everything else.</param>
    public static AdaptiveCard Build(TenantSettingsView view, Language language, TenantSettingsForm? values = null, IReadOnlyList<string>? errors = null, string? done = null)
    {
        var texts = TenantSettingsTexts.All.For(language);
        var culture = language.Culture();
        var (current, defaults) = (view.Current, view.Defaults);
        var body = new List<CardElement>
        {
            new TextBlock(texts.Title) { Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true, Style = TextBlockStyle.Heading },
            new TextBlock(texts.Intro) { Wrap = true },
        };
        if (done is not null)
        {
            body.Add(new TextBlock(done) { Color = TextColor.Good, Weight = TextWeight.Bolder, Wrap = true });
        }
        body.AddRange((errors ?? []).Select(e => new TextBlock(e) { Color = TextColor.Attention, Wrap = true }));
        body.Add(new ChoiceSetInput
        {
            Id = "languages",
            Label = Default(texts, texts.LanguagesLabel, LanguageName(texts, defaults.Languages)),
            Style = ChoiceInputStyle.Compact,
            IsRequired = true,
            ErrorMessage = texts.ErrorLanguages,
            Choices = [.. TenantSettingsRules.LanguageChoices.Select((key, i) => new Choice(texts.LanguageChoiceNames[i], key))],
            Value = values?.Languages ?? TenantSettingsRules.LanguagesKey(current.Languages),
        });
        body.Add(Time("quietStart", Default(texts, texts.QuietStartLabel, TenantSettingsParser.Hm(defaults.QuietHoursStart)), values?.QuietStart, current.QuietHoursStart, texts.ErrorQuietTime));
        body.Add(Time("quietEnd", Default(texts, texts.QuietEndLabel, TenantSettingsParser.Hm(defaults.QuietHoursEnd)), values?.QuietEnd, current.QuietHoursEnd, texts.ErrorQuietTime));
        body.Add(new TextInput
        {
            Id = "holidays",
            Label = Default(texts, texts.HolidaysLabel, Dates(TenantSettingsView.Upcoming(defaults, view.Today)) is { Length: > 0 } days ? days : texts.None),
            Placeholder = texts.HolidaysPlaceholder,
            IsMultiline = true,
            MaxLength = TenantSettingsRules.MaxExtraHolidays * 12,
            Value = values?.Holidays ?? Dates(TenantSettingsView.Upcoming(current, view.Today)),
        });
        body.Add(new TextInput
        {
            Id = "k",
            Label = Default(texts, texts.KLabel, defaults.MinimumResponses.ToString(culture)),
            IsRequired = true,
            ErrorMessage = string.Format(culture, texts.ErrorK, TenantSettingsRules.MinK, TenantSettingsRules.MaxK),
            MaxLength = 4,
            Value = values?.K ?? current.MinimumResponses.ToString(CultureInfo.InvariantCulture),
        });
        body.Add(new ChoiceSetInput
        {
            Id = "digestDay",
            Label = Default(texts, texts.DigestDayLabel, culture.DateTimeFormat.GetDayName(defaults.DigestDay)),
            Style = ChoiceInputStyle.Compact,
            IsRequired = true,
            ErrorMessage = texts.ErrorDigestDay,
            Choices = [.. Enumerable.Range((int)DayOfWeek.Monday, 5).Select(d => (DayOfWeek)d).Select(d => new Choice(culture.DateTimeFormat.GetDayName(d), d.ToString()))],
            Value = values?.DigestDay ?? current.DigestDay.ToString(),
        });
        body.Add(Time("digestTime", Default(texts, texts.DigestTimeLabel, TenantSettingsParser.Hm(defaults.DigestTime)), values?.DigestTime, current.DigestTime,
            string.Format(culture, texts.ErrorDigestTime, TenantSettingsParser.Hm(TenantSettingsRules.EarliestDigestTime), TenantSettingsParser.Hm(TenantSettingsRules.LatestDigestTime))));
        body.Add(new ChoiceSetInput
        {
            Id = "retention",
            Label = Default(texts, texts.RetentionLabel, texts.SchoolYears(defaults.RetentionSchoolYears)),
            Style = ChoiceInputStyle.Compact,
            IsRequired = true,
            ErrorMessage = string.Format(culture, texts.ErrorRetention, TenantSettingsRules.MinRetention, TenantSettingsRules.MaxRetention),
            Choices = [.. Enumerable.Range(TenantSettingsRules.MinRetention, TenantSettingsRules.MaxRetention).Select(n => new Choice(texts.SchoolYears(n), n.ToString(CultureInfo.InvariantCulture)))],
            Value = values?.Retention ?? current.RetentionSchoolYears.ToString(CultureInfo.InvariantCulture),
        });
        if (view.Changes.Count > 0)
        {
            body.Add(new TextBlock(texts.HistoryTitle) { Weight = TextWeight.Bolder, Wrap = true, Spacing = Spacing.Large, Separator = true });
            body.AddRange(view.Changes.Select(c => new TextBlock(HistoryLine(c, view.Zone, texts, culture)) { Wrap = true, IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.Small }));
        }
        var save = new ExecuteAction(texts.Save, TenantSettingsVerbs.Save, new { }) { Style = ActionStyle.Positive };
        var reset = new ExecuteAction(texts.Reset, TenantSettingsVerbs.Reset, new { }) { AssociatedInputs = AssociatedInputs.None };
        return new AdaptiveCard { Lang = language.CardLang(), FallbackText = texts.Title, Body = body, Actions = [save, reset] };
    }

    private static string Default(TenantSettingsTexts texts, string label, string value) => string.Format(CultureInfo.InvariantCulture, texts.WithDefault, label, value);

    private static TimeInput Time(string id, string label, string? typed, TimeOnly current, string error) => new()
    {
        Id = id,
        Label = label,
        IsRequired = true,
        ErrorMessage = error,
        Value = typed ?? TimeInput.Format(current),
    };

    private static string LanguageName(TenantSettingsTexts texts, IEnumerable<Language> languages)
    {
        var index = TenantSettingsRules.LanguageChoices.ToList().IndexOf(TenantSettingsRules.LanguagesKey(languages));
        return index >= 0 ? texts.LanguageChoiceNames[index] : TenantSettingsRules.LanguagesKey(languages);
    }

    private static string Dates(IEnumerable<DateOnly> dates) => string.Join(", ", dates.Select(TenantSettingsParser.Date));

    private static string HistoryLine(TenantSettingsChangeLine change, TimeZoneInfo zone, TenantSettingsTexts texts, CultureInfo culture) =>
        string.Format(culture, texts.HistoryLine,
            LocalClock.ToLocal(change.At, zone).ToString("dd/MM HH:mm", culture),
            change.By ?? texts.Someone,
            texts.SettingNames[change.Setting],
            Value(change.Setting, change.Old, texts, culture),
            Value(change.Setting, change.New, texts, culture));

    /// <summary>A kept value as the admin reads it: day names in their language, dates as dd/mm/yyyy.</summary>
    private static string Value(TenantSetting setting, string? value, TenantSettingsTexts texts, CultureInfo culture)
    {
        if (string.IsNullOrEmpty(value))
        {
            return texts.None;
        }
        return setting switch
        {
            TenantSetting.DigestMoment when value.Split(' ') is [var day, var time] && Enum.TryParse<DayOfWeek>(day, out var d) => $"{culture.DateTimeFormat.GetDayName(d)} {time}",
            TenantSetting.ExtraHolidays => string.Join(", ", value.Split(',').Select(d => DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? TenantSettingsParser.Date(date) : d)),
            _ => value,
        };
    }
}
