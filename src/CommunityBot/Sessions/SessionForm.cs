using System.Globalization;
using CommunityBot.Communities.Cadence;
using CommunityBot.Localization;
using CommunityBot.Schedule;
using CommunityBot.Limits;

namespace CommunityBot.Sessions;

/// <summary>
/// What the planning card sends back: ids from the button (only hints, re-checked server-side) and the inputs.
/// <see cref="Save"/> is set by the form's own button; without it the verb only opens the form.
/// </summary>
public sealed record SessionForm
{
    public long? CommunityId { get; init; }
    public long? SessionId { get; init; }
    public int? Version { get; init; }
    public bool Save { get; init; }

    /// <summary>Set by "Ja, afgelasten" on the confirmation: only then does <c>session.cancel</c> cancel.</summary>
    public bool Confirm { get; init; }

    /// <summary>The card the button sat on (<see cref="SessionOrigins"/>), so "Terug" redraws that card.</summary>
    public string? From { get; init; }
    public string? Date { get; init; }
    public string? Time { get; init; }
    public string? Location { get; init; }
    public string? OnlineUrl { get; init; }

    /// <summary>Minutes; absent on cards from before the field existed, then the community's (or the session's) length holds.</summary>
    public string? Duration { get; init; }
}

/// <summary>Where a session's buttons were pressed; without one, on the session's own card (a confirmation).</summary>
public static class SessionOrigins
{
    public const string List = "list";
    public const string Next = "next";
}

/// <summary>A valid "when and where", ready to store.</summary>
public sealed record SessionSlot(DateTimeOffset StartsAt, string? Location, string? OnlineUrl, TimeSpan Duration);

public static class SessionFormValidation
{
    private static readonly string[] TimeFormats = ["H:mm", "HH:mm", "HH:mm:ss", "H.mm", "HH.mm"];

    /// <summary>The slot, or every problem with the inputs in the person's language; <paramref name="duration"/> when the form sends none.</summary>
    public static (SessionSlot? Slot, IReadOnlyList<string> Errors) Validate(SessionForm form, string timeZone, DateTimeOffset now, Language language, TimeSpan duration)
    {
        var texts = SessionTexts.All.For(language);
        var errors = new List<string>();
        DateOnly? date = null;
        TimeOnly? time = null;
        if (string.IsNullOrWhiteSpace(form.Date))
        {
            errors.Add(texts.ErrorDateMissing);
        }
        else if (DateOnly.TryParseExact(form.Date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            date = d;
        }
        else
        {
            errors.Add(texts.ErrorDateFormat);
        }
        if (string.IsNullOrWhiteSpace(form.Time))
        {
            errors.Add(texts.ErrorTimeMissing);
        }
        else if (TimeOnly.TryParseExact(form.Time.Trim(), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t))
        {
            time = t;
        }
        else
        {
            errors.Add(texts.ErrorTimeFormat);
        }
        var location = Clean(form.Location);
        var url = Clean(form.OnlineUrl);
        if (location is null && url is null)
        {
            errors.Add(texts.ErrorWhereMissing);
        }
        if (location?.Length > TextLimits.SessionLocation)
        {
            errors.Add(texts.ErrorLocationTooLong);
        }
        if (url is not null && (url.Length > TextLimits.SessionLink || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")))
        {
            errors.Add(texts.ErrorUrl);
        }
        if (form.Duration is not null)
        {
            var sent = CadenceNorm.ParseMinutes(form.Duration);
            if (sent is null || !CadenceNorm.IsValidDuration(sent.Value))
            {
                errors.Add(texts.ErrorDuration);
            }
            duration = sent ?? duration;
        }
        DateTimeOffset? startsAt = null;
        if (date is { } day && time is { } hour)
        {
            var zone = LocalClock.Zone(timeZone);
            var local = day.ToDateTime(hour, DateTimeKind.Unspecified);
            if (zone.IsInvalidTime(local))
            {
                errors.Add(texts.ErrorTimeDoesNotExist);
            }
            else
            {
                startsAt = LocalClock.ToInstant(day, hour, zone);
                if (startsAt <= now)
                {
                    errors.Add(texts.ErrorInPast);
                }
                else if (startsAt > now.AddYears(1))
                {
                    errors.Add(texts.ErrorTooFarAhead);
                }
            }
        }
        return errors.Count == 0 ? (new SessionSlot(startsAt!.Value, location, url, duration), errors) : (null, errors);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
