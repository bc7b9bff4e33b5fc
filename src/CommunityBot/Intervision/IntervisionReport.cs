using CommunityBot.Localization;

namespace CommunityBot.Intervision;

/// <summary>What the coach-the-coach is told about a proposal: sent to whom and until when, or in plain words why not.</summary>
public static class IntervisionReport
{
    public static string Text(ProposeResult result, string groupName, IntervisionTexts texts, Language language, TimeZoneInfo zone, DateTimeOffset now)
    {
        var main = result.Outcome switch
        {
            ProposeOutcome.Proposed => texts.Proposed(groupName, result.SlotCount, string.Join(", ", result.Participants ?? []),
                Formats.DayAndTime(result.VoteClosesAt!.Value, zone, language, now)),
            ProposeOutcome.AlreadyUnderWay => texts.AlreadyUnderWay(groupName),
            ProposeOutcome.NoOrganizerEmail => texts.NoOrganizerEmail(groupName),
            ProposeOutcome.AccessDenied => texts.AccessDenied(groupName),
            ProposeOutcome.CalendarUnavailable => result.Problem switch
            {
                CalendarProblem.NotFound => texts.NoOrganizerMailbox(groupName),
                CalendarProblem.Throttled => texts.CalendarThrottled(groupName, Formats.DayAndTime(result.RetryAt!.Value, zone, language, now)),
                _ => texts.CalendarUnavailable(groupName, Formats.DayAndTime(result.RetryAt!.Value, zone, language, now)),
            },
            _ => texts.NoSlots(groupName, Formats.Day(result.From!.Value, zone, language, now), LastDay(result.To!.Value, zone, language, now)),
        };
        List<string> lines = [main];
        foreach (var reason in (result.Unreadable ?? []).GroupBy(u => u.Reason))
        {
            lines.Add(texts.Unreadable(string.Join(", ", reason.Select(u => u.Name)), texts.UnreadableBecause(reason.Key)));
        }
        if (result.NoEmail is { Count: > 0 } noEmail)
        {
            lines.Add(texts.NoEmail(string.Join(", ", noEmail)));
        }
        if (result.NotInTeams is { Count: > 0 } notInTeams)
        {
            lines.Add(texts.NotInTeams(string.Join(", ", notInTeams)));
        }
        return string.Join("\n\n", lines);
    }

    /// <summary>The last day of a window that ends at a midnight, counted in local days (a DST change makes some 23 or 25 hours).</summary>
    private static string LastDay(DateTimeOffset end, TimeZoneInfo zone, Language language, DateTimeOffset now)
    {
        var day = DateOnly.FromDateTime(Schedule.LocalClock.ToLocal(end, zone)).AddDays(-1);
        return Formats.Day(Schedule.LocalClock.ToInstant(day, new TimeOnly(12, 0), zone), zone, language, now);
    }
}
