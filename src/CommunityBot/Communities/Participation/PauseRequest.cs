using System.Globalization;
using System.Text.RegularExpressions;
using CommunityBot.Limits;

namespace CommunityBot.Communities.Participation;

/// <summary>
/// What follows <c>pauze</c> / <c>pause</c>: nothing (until the member says <c>back</c>), <c>tot 15/3</c> or
/// <c>until 15 March</c> (the last day of the pause), and optionally a reason for the coach.
/// </summary>
public sealed record PauseRequest(DateOnly? LastDay, string? Reason)
{
    private static readonly string[][] Months =
    [
        ["januari", "january"], ["februari", "february"], ["maart", "march"], ["april"], ["mei", "may"], ["juni", "june"],
        ["juli", "july"], ["augustus", "august"], ["september"], ["oktober", "october"], ["november"], ["december"],
    ];

    /// <summary>False when a date was announced (<c>tot</c>, <c>until</c>) but could not be read.</summary>
    public static bool TryParse(string arguments, DateOnly today, out PauseRequest request)
    {
        request = new PauseRequest(null, null);
        var text = arguments.Trim();
        var until = Until.Match(text);
        if (!until.Success)
        {
            request = new PauseRequest(null, ReasonIn(text));
            return true;
        }
        var rest = text[until.Length..];
        var numeric = NumericDate.Match(rest);
        var named = NamedDate.Match(rest);
        int day, month;
        string? year;
        Group used;
        if (numeric.Success)
        {
            (day, month, year, used) = (Number(numeric.Groups["d"].Value), Number(numeric.Groups["m"].Value), numeric.Groups["y"].Value, numeric.Groups["date"]);
        }
        else if (named.Success && MonthOf(named.Groups["month"].Value) is { } namedMonth)
        {
            (day, month, year, used) = (Number(named.Groups["d"].Value), namedMonth, named.Groups["y"].Value, named.Groups["date"]);
        }
        else
        {
            return false;
        }
        if (month is < 1 or > 12 || day < 1)
        {
            return false;
        }
        int fullYear;
        if (year.Length > 0)
        {
            fullYear = Number(year);
            fullYear += fullYear < 100 ? 2000 : 0;
        }
        else
        {
            // Without a year the date is the next one to come: "tot 15/3" typed in November means next March.
            fullYear = today.Year;
            if (day <= DateTime.DaysInMonth(fullYear, month) && new DateOnly(fullYear, month, day) < today)
            {
                fullYear++;
            }
        }
        if (fullYear is < 2000 or > 9998 || day > DateTime.DaysInMonth(fullYear, month))
        {
            return false;
        }
        request = new PauseRequest(new DateOnly(fullYear, month, day), ReasonIn(rest[used.Length..]));
        return true;
    }

    private static int Number(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>A month by its name in Dutch or English, or its first three letters or more.</summary>
    private static int? MonthOf(string word)
    {
        for (var i = 0; i < Months.Length; i++)
        {
            if (Months[i].Any(name => word.Length >= 3 && name.StartsWith(word.TrimEnd('.'), StringComparison.OrdinalIgnoreCase)))
            {
                return i + 1;
            }
        }
        return null;
    }

    private static string? ReasonIn(string text)
    {
        var reason = ReasonLead.Replace(text, "").Trim();
        return reason.Length == 0 ? null : reason;
    }

    private static readonly Regex Until = LinearRegex.Create(@"^(tot en met|t/m|tot|until|till|to)\s+", RegexOptions.IgnoreCase);

    // The date is the group "date"; what ends it (a space, a comma, the end) is matched but belongs to the reason.
    private static readonly Regex NumericDate = LinearRegex.Create(
        @"^(?<date>(?<d>[0-9]{1,2})[/.\-](?<m>[0-9]{1,2})(?:[/.\-](?<y>[0-9]{2}|[0-9]{4}))?)(?:[\s,:;]|$)");

    private static readonly Regex NamedDate = LinearRegex.Create(
        @"^(?<date>(?<d>[0-9]{1,2})\s+(?<month>[a-z]+\.?)(?:\s+(?<y>[0-9]{4}))?)(?:[\s,:;]|$)", RegexOptions.IgnoreCase);

    private static readonly Regex ReasonLead = LinearRegex.Create(@"^[\s,:;\-–]*(omdat|wegens|want|because|due to|reden:?|reason:?)?\s*", RegexOptions.IgnoreCase);
}
