using System.Globalization;
using CommunityBot.Localization;
using CommunityBot.Schedule;

namespace CommunityBot.Sessions;

/// <summary>Session instants are stored in UTC and always shown in the community's time zone.</summary>
public static class SessionTime
{
    public static DateTime Local(DateTimeOffset instant, string timeZone) => LocalClock.ToLocal(instant, LocalClock.Zone(timeZone));

    /// <summary>The community's calendar day now: the earliest date a session form offers.</summary>
    public static DateOnly Today(TimeProvider clock, string timeZone) => DateOnly.FromDateTime(Local(clock.GetUtcNow(), timeZone));

    /// <summary>"dinsdag 10 maart 2026 om 15:30" / "Tuesday 10 March 2026 at 15:30".</summary>
    public static string Describe(DateTimeOffset instant, string timeZone, Language language) =>
        Describe(instant, timeZone, language, currentYear: null);

    /// <summary>As <see cref="Describe(DateTimeOffset, string, Language)"/>, without the year when it is <paramref name="currentYear"/>: a list reads easier.</summary>
    public static string Describe(DateTimeOffset instant, string timeZone, Language language, int? currentYear)
    {
        var texts = SessionTexts.All.For(language);
        var culture = CultureInfo.GetCultureInfo(texts.CultureName);
        var local = Local(instant, timeZone);
        var date = local.Year == currentYear ? "dddd d MMMM" : "dddd d MMMM yyyy";
        return string.Format(culture, texts.DateAtTime,
            local.ToString(date, culture), local.ToString("HH:mm", CultureInfo.InvariantCulture));
    }

    /// <summary>Place and/or online, as one phrase.</summary>
    public static string Where(Session session, Language language)
    {
        var texts = SessionTexts.All.For(language);
        return (session.Location, session.OnlineUrl) switch
        {
            ({ Length: > 0 } place, { Length: > 0 } url) => $"{place} ({texts.Online}: {url})",
            ({ Length: > 0 } place, _) => place,
            (_, { Length: > 0 } url) => $"{texts.Online}: {url}",
            _ => texts.Online,
        };
    }
}
