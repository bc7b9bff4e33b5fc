using System.Globalization;
using Microsoft.Graph.Models;

namespace CommunityBot.Intervision.Graph;

/// <summary>Graph's dateTimeTimeZone both ways: UTC for free/busy, the group's own zone (by its Windows name, which every Exchange knows) for events.</summary>
public static class GraphTimes
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss";

    public static DateTimeTimeZone Utc(DateTimeOffset instant) =>
        new() { DateTime = instant.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture), TimeZone = "UTC" };

    public static DateTimeTimeZone InZone(DateTimeOffset instant, string ianaZone)
    {
        var local = TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(ianaZone));
        return new() { DateTime = local.ToString(Format, CultureInfo.InvariantCulture), TimeZone = GraphZoneName(ianaZone) };
    }

    /// <summary>"Europe/Brussels" becomes "Romance Standard Time"; a zone without a Windows name is passed on as it is.</summary>
    public static string GraphZoneName(string ianaZone) =>
        TimeZoneInfo.TryConvertIanaIdToWindowsId(ianaZone, out var windows) ? windows : ianaZone;

    /// <summary>The instant a Graph time stands for, whatever zone Graph wrote it in.</summary>
    public static DateTimeOffset ToInstant(DateTimeTimeZone value)
    {
        var written = DateTime.Parse(value.DateTime ?? throw new FormatException("A Graph time without dateTime."), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        if (written.Kind == DateTimeKind.Utc || value.TimeZone is null or "UTC" or "Etc/UTC" or "tzone://Microsoft/Utc")
        {
            return new DateTimeOffset(DateTime.SpecifyKind(written, DateTimeKind.Unspecified), TimeSpan.Zero);
        }
        var unspecified = DateTime.SpecifyKind(written, DateTimeKind.Unspecified);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(value.TimeZone);
        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified));
    }
}
