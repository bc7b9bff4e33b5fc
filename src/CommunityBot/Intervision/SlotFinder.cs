namespace CommunityBot.Intervision;

/// <summary>One participant's calendar as the slot finder sees it: Graph's busy times plus their own community sessions.</summary>
public sealed record ParticipantCalendar(long PersonId, string Name, bool Readable, IReadOnlyList<BusyInterval> Busy);

/// <summary>Where to look for an intervision: the window, the meeting's length and the group's working days and hours.</summary>
public sealed record SlotQuery(
    IReadOnlyList<ParticipantCalendar> Participants,
    DateTimeOffset From,
    DateTimeOffset To,
    TimeSpan Duration,
    string TimeZone,
    IReadOnlySet<DayOfWeek> WorkingDays,
    TimeOnly DayStart,
    TimeOnly DayEnd,
    Func<DateOnly, bool> IsSchoolDay,
    TimeSpan Buffer,
    int Wanted,
    bool TentativeIsBusy);

/// <summary>A proposed time; <see cref="Missing"/> names the one participant who is not free (empty when everyone is).</summary>
public sealed record ProposedSlot(DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<long> Missing);

/// <summary>Finds times where every participant is free (or, when there are none, all but one).</summary>
public static class SlotFinder
{
    public static IReadOnlyList<ProposedSlot> Find(SlotQuery query)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(query.TimeZone);
        List<ProposedSlot> found = [];
        for (var start = query.From; start + query.Duration <= query.To && found.Count < query.Wanted; start = start.AddMinutes(30))
        {
            var local = TimeZoneInfo.ConvertTime(start, zone);
            var day = DateOnly.FromDateTime(local.DateTime);
            var time = TimeOnly.FromDateTime(local.DateTime);
            if (!query.WorkingDays.Contains(local.DayOfWeek) || !query.IsSchoolDay(day) || time < query.DayStart || time.Add(query.Duration) > query.DayEnd)
            {
                continue;
            }
            var end = start + query.Duration;
            if (query.Participants.All(p => !p.Busy.Any(b => b.Start < end && start < b.End)))
            {
                found.Add(new ProposedSlot(start, end, []));
            }
        }
        return found;
    }
}
