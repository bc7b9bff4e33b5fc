using System.Globalization;
using CommunityBot.Agreements;

namespace CommunityBot.Bot.Understanding;

/// <summary>A date and/or a time found in text; either may be missing.</summary>
public sealed record When(DateOnly? Date, TimeOnly? Time);

/// <summary>
/// Dates and times as Flemish and English teachers type them, read word by word (no regular expressions, so no
/// backtracking): <c>morgen</c>, <c>overmorgen</c>, <c>tomorrow</c>, <c>volgende woensdag</c>, <c>next Wednesday</c>,
/// <c>in twee weken</c>, <c>12/3</c> (day first), <c>12 maart</c>, <c>March 12</c>; <c>15u30</c>, <c>15u</c>,
/// <c>15:30</c>, <c>15.30</c>, <c>15 uur</c>, <c>3 pm</c>, <c>3.30 pm</c>. Relative to the person's local today.
/// </summary>
public static class WhenText
{
    private static readonly Dictionary<string, DayOfWeek> Weekdays = new()
    {
        ["maandag"] = DayOfWeek.Monday, ["monday"] = DayOfWeek.Monday,
        ["dinsdag"] = DayOfWeek.Tuesday, ["tuesday"] = DayOfWeek.Tuesday,
        ["woensdag"] = DayOfWeek.Wednesday, ["wednesday"] = DayOfWeek.Wednesday,
        ["donderdag"] = DayOfWeek.Thursday, ["thursday"] = DayOfWeek.Thursday,
        ["vrijdag"] = DayOfWeek.Friday, ["friday"] = DayOfWeek.Friday,
        ["zaterdag"] = DayOfWeek.Saturday, ["saturday"] = DayOfWeek.Saturday,
        ["zondag"] = DayOfWeek.Sunday, ["sunday"] = DayOfWeek.Sunday,
    };

    private static readonly Dictionary<string, int> DaysFromToday = new()
    {
        ["vandaag"] = 0, ["today"] = 0, ["morgen"] = 1, ["tomorrow"] = 1, ["overmorgen"] = 2,
    };

    private static readonly Dictionary<string, int> Numbers = new()
    {
        ["een"] = 1, ["één"] = 1, ["a"] = 1, ["one"] = 1, ["twee"] = 2, ["two"] = 2, ["drie"] = 3, ["three"] = 3,
        ["vier"] = 4, ["four"] = 4, ["vijf"] = 5, ["five"] = 5, ["zes"] = 6, ["six"] = 6,
    };

    private static readonly Dictionary<string, int> UnitDays = new()
    {
        ["dag"] = 1, ["dagen"] = 1, ["day"] = 1, ["days"] = 1, ["week"] = 7, ["weken"] = 7, ["weeks"] = 7,
    };

    /// <summary>The first date and the first time in <paramref name="words"/>, seen from <paramref name="today"/>.</summary>
    public static When Find(IReadOnlyList<string> words, DateOnly today)
    {
        DateOnly? date = null;
        TimeOnly? time = null;
        for (var i = 0; i < words.Count; i++)
        {
            date ??= DateAt(words, i, today);
            time ??= TimeAt(words, i);
        }
        return new When(date, time);
    }

    private static DateOnly? DateAt(IReadOnlyList<string> words, int i, DateOnly today)
    {
        var word = words[i];
        if (DaysFromToday.TryGetValue(word, out var days))
        {
            return today.AddDays(days);
        }
        if (word == "day" && Next(words, i, 1) == "after" && Next(words, i, 2) == "tomorrow")
        {
            return today.AddDays(2);
        }
        if (Weekdays.TryGetValue(word, out var weekday))
        {
            // "woensdag", "volgende woensdag", "next Wednesday": the first one after today (never today itself).
            var ahead = ((int)weekday - (int)today.DayOfWeek + 7) % 7;
            return today.AddDays(ahead == 0 ? 7 : ahead);
        }
        if (word is "in" or "over" && Count(Next(words, i, 1)) is { } count && Next(words, i, 2) is { } unit && UnitDays.TryGetValue(unit, out var unitDays))
        {
            return today.AddDays(count * unitDays);
        }
        if (word.Contains('/') || (word.Contains('-') && char.IsAsciiDigit(word[0])))
        {
            return ShorthandDue.Parse(word)?.DateFrom(today);
        }
        if (IsDayNumber(word) && Next(words, i, 1) is { } month)
        {
            var year = Next(words, i, 2) is { Length: 4 } y && y.All(char.IsAsciiDigit) ? " " + y : "";
            return ShorthandDue.Parse($"{word} {month}{year}")?.DateFrom(today);
        }
        if (i + 1 < words.Count && IsDayNumber(words[i + 1]) && !char.IsAsciiDigit(word[0]))
        {
            // "March 12", as English speakers write it.
            return ShorthandDue.Parse($"{words[i + 1]} {word}")?.DateFrom(today);
        }
        return null;
    }

    private static TimeOnly? TimeAt(IReadOnlyList<string> words, int i)
    {
        var word = words[i];
        var meridiem = Meridiem(word, out var bare) ?? Meridiem(Next(words, i, 1), out _);
        if (meridiem is not null)
        {
            word = bare ?? word;
        }
        int hour;
        var minute = 0;
        var separator = word.IndexOfAny([':', '.', 'u', 'h']);
        if (separator > 0)
        {
            var minutes = word[(separator + 1)..];
            if (!Digits(word[..separator], 2, out hour) || (minutes.Length > 0 && (minutes.Length != 2 || !Digits(minutes, 2, out minute))))
            {
                return null;
            }
        }
        else if (!Digits(word, 2, out hour) || (meridiem is null && Next(words, i, 1) is not ("uur" or "o'clock")))
        {
            return null;
        }
        if (meridiem is { } pm)
        {
            if (hour is < 1 or > 12)
            {
                return null;
            }
            hour = hour % 12 + (pm ? 12 : 0);
        }
        return hour <= 23 && minute <= 59 ? new TimeOnly(hour, minute) : null;
    }

    /// <summary>True for pm, false for am, null for neither; <paramref name="bare"/> is the word without a glued "pm".</summary>
    private static bool? Meridiem(string? word, out string? bare)
    {
        bare = null;
        if (word is null)
        {
            return null;
        }
        foreach (var (suffix, pm) in new[] { ("pm", true), ("p.m", true), ("am", false), ("a.m", false) })
        {
            if (word.EndsWith(suffix, StringComparison.Ordinal))
            {
                bare = word[..^suffix.Length];
                return bare.Length == 0 || char.IsAsciiDigit(bare[^1]) ? pm : null;
            }
        }
        return null;
    }

    private static int? Count(string? word) =>
        word is null ? null : Numbers.TryGetValue(word, out var n) ? n : Digits(word, 2, out var d) && d > 0 ? d : null;

    private static bool IsDayNumber(string word) => Digits(word, 2, out var day) && day is >= 1 and <= 31;

    private static bool Digits(string text, int maxLength, out int value)
    {
        value = 0;
        return text.Length is > 0 && text.Length <= maxLength && text.All(char.IsAsciiDigit)
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    private static string? Next(IReadOnlyList<string> words, int i, int ahead) => i + ahead < words.Count ? words[i + ahead] : null;
}
