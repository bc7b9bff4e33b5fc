using System.Globalization;
using System.Text.RegularExpressions;
using CommunityBot.Limits;

namespace CommunityBot.Agreements;

/// <summary>
/// The due date of a short agreement, as typed: <c>tegen 12/3</c>, <c>tegen 12 maart</c>, <c>by 12 March</c>,
/// <c>by 12/3/2027</c>. Day and month are read day first (Belgian and British order).
/// </summary>
public sealed record ShorthandDue(int Day, int Month, int? Year)
{
    private static readonly Dictionary<string, int> Months = new(StringComparer.OrdinalIgnoreCase)
    {
        ["januari"] = 1, ["january"] = 1, ["jan"] = 1,
        ["februari"] = 2, ["february"] = 2, ["feb"] = 2,
        ["maart"] = 3, ["march"] = 3, ["mrt"] = 3, ["mar"] = 3,
        ["april"] = 4, ["apr"] = 4,
        ["mei"] = 5, ["may"] = 5,
        ["juni"] = 6, ["june"] = 6, ["jun"] = 6,
        ["juli"] = 7, ["july"] = 7, ["jul"] = 7,
        ["augustus"] = 8, ["august"] = 8, ["aug"] = 8,
        ["september"] = 9, ["sept"] = 9, ["sep"] = 9,
        ["oktober"] = 10, ["october"] = 10, ["okt"] = 10, ["oct"] = 10,
        ["november"] = 11, ["nov"] = 11,
        ["december"] = 12, ["dec"] = 12,
    };

    /// <summary>Null when the text is no date this syntax knows.</summary>
    public static ShorthandDue? Parse(string text)
    {
        var trimmed = text.Trim();
        if (Numeric.Match(trimmed) is { Success: true } numeric)
        {
            return Of(numeric.Groups[1].Value, int.Parse(numeric.Groups[2].Value, CultureInfo.InvariantCulture), numeric.Groups[3]);
        }
        if (Written.Match(trimmed) is { Success: true } written && Months.TryGetValue(written.Groups[2].Value, out var month))
        {
            return Of(written.Groups[1].Value, month, written.Groups[3]);
        }
        return null;
    }

    /// <summary>
    /// The local date meant, seen from <paramref name="today"/>: with a year that year, without one the next time the
    /// day comes (today included), so in May "12/3" is next March. Null for a day that does not exist (31/2).
    /// </summary>
    public DateOnly? DateFrom(DateOnly today)
    {
        if (Year is { } year)
        {
            return Exists(year) ? new DateOnly(year, Month, Day) : null;
        }
        // Four years ahead at most: 29/2 comes back in a leap year.
        for (var next = today.Year; next <= today.Year + 4; next++)
        {
            if (Exists(next) && new DateOnly(next, Month, Day) >= today)
            {
                return new DateOnly(next, Month, Day);
            }
        }
        return null;
    }

    private bool Exists(int year) => year is >= 1 and <= 9999 && Day <= DateTime.DaysInMonth(year, Month);

    private static ShorthandDue? Of(string day, int month, Group year)
    {
        var d = int.Parse(day, CultureInfo.InvariantCulture);
        int? y = year.Success ? int.Parse(year.Value, CultureInfo.InvariantCulture) : null;
        if (y is < 100)
        {
            y += 2000;
        }
        return d is < 1 or > 31 || month is < 1 or > 12 ? null : new ShorthandDue(d, month, y);
    }

    private static readonly Regex Numeric = LinearRegex.Create(@"^([0-9]{1,2})[/\-.]([0-9]{1,2})(?:[/\-.]([0-9]{2}|[0-9]{4}))?$");

    private static readonly Regex Written = LinearRegex.Create(@"^([0-9]{1,2})\s+([a-z]+)\.?(?:\s+([0-9]{4}))?$", RegexOptions.IgnoreCase);
}
