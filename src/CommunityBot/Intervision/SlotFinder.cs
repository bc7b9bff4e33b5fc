namespace CommunityBot.Intervision;

/// <summary>One participant's calendar as the slot finder sees it: Graph's busy times plus their own community sessions.</summary>
public sealed record ParticipantCalendar(long PersonId, string Name, bool Readable, IReadOnlyList<BusyInterval> Busy);

/// <summary>Where to look for an intervision: the window, the meeting's length and the group's working days and hours.</summary>
/// <param name="Step">How far apart candidate starts lie, from the start of the working day (15 or 30 minutes).</param>
/// <param name="Required">People who may never be the one missing (the coach-the-coach, who leads the intervision).</param>
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
    bool TentativeIsBusy,
    TimeSpan? Step = null,
    IReadOnlySet<long>? Required = null)
{
    public static readonly TimeSpan DefaultStep = TimeSpan.FromMinutes(30);
}

/// <summary>A proposed time; <see cref="Missing"/> names the one participant who is not free (empty when everyone is).</summary>
public sealed record ProposedSlot(DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<long> Missing)
{
    public bool EveryoneFree => Missing.Count == 0;
}

/// <summary>
/// Finds times where every readable participant is free, or, only when there is no such time, where all but one are
/// (that one in <see cref="ProposedSlot.Missing"/>, never one of <see cref="SlotQuery.Required"/>). Candidates start every <see cref="SlotQuery.Step"/> from the start
/// of the working day, on working school days, in the group's time zone (so a DST week keeps its local hours). A busy
/// interval keeps <see cref="SlotQuery.Buffer"/> free on both sides; tentative counts unless the query says otherwise,
/// out of office always; working elsewhere does not, since the meeting is online. Unreadable participants are neither
/// free nor busy: the caller names them. Slots are spread over different days first, then earliest first.
/// </summary>
public static class SlotFinder
{
    public static IReadOnlyList<ProposedSlot> Find(SlotQuery query)
    {
        var readable = query.Participants.Where(p => p.Readable).ToList();
        if (readable.Count == 0 || query.Wanted <= 0 || query.Duration <= TimeSpan.Zero)
        {
            return [];
        }
        var candidates = Candidates(query).Select(start => (Start: start, Busy: readable.Where(p => IsBusy(p, start, start + query.Duration, query)).ToList())).ToList();
        var everyone = candidates.Where(c => c.Busy.Count == 0).Select(c => new ProposedSlot(c.Start, c.Start + query.Duration, [])).ToList();
        var allButOne = readable.Count > 1
            ? candidates.Where(c => c.Busy.Count == 1 && query.Required?.Contains(c.Busy[0].PersonId) != true).Select(c => new ProposedSlot(c.Start, c.Start + query.Duration, [c.Busy[0].PersonId])).ToList()
            : [];
        return Spread(everyone.Count > 0 ? everyone : allButOne, query);
    }

    /// <summary>Every start, in time order, whose whole meeting lies on a working school day within working hours and the window.</summary>
    private static IEnumerable<DateTimeOffset> Candidates(SlotQuery query)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(query.TimeZone);
        var step = query.Step is { } s && s > TimeSpan.Zero ? s : SlotQuery.DefaultStep;
        var last = LocalDay(query.To, zone);
        for (var day = LocalDay(query.From, zone); day <= last; day = day.AddDays(1))
        {
            if (!query.WorkingDays.Contains(day.DayOfWeek) || !query.IsSchoolDay(day))
            {
                continue;
            }
            for (var local = day.ToDateTime(query.DayStart); local + query.Duration <= day.ToDateTime(query.DayEnd); local += step)
            {
                // Working hours never contain a DST change in Europe, but a zone that shifts by day could: a time that does not exist is skipped.
                if (zone.IsInvalidTime(local))
                {
                    continue;
                }
                var start = new DateTimeOffset(local, zone.GetUtcOffset(local));
                if (start >= query.From && start + query.Duration <= query.To)
                {
                    yield return start;
                }
            }
        }
    }

    private static bool IsBusy(ParticipantCalendar participant, DateTimeOffset start, DateTimeOffset end, SlotQuery query) =>
        participant.Busy.Any(b => Blocks(b.Kind, query) && b.Start - query.Buffer < end && start < b.End + query.Buffer);

    private static bool Blocks(BusyKind kind, SlotQuery query) => kind switch
    {
        BusyKind.Tentative => query.TentativeIsBusy,
        BusyKind.WorkingElsewhere => false,
        _ => true,
    };

    /// <summary>The earliest slot of each day until every day had one, then the earliest others that overlap none chosen; in time order.</summary>
    private static IReadOnlyList<ProposedSlot> Spread(List<ProposedSlot> slots, SlotQuery query)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(query.TimeZone);
        List<ProposedSlot> chosen = [.. slots.GroupBy(s => LocalDay(s.Start, zone)).Select(day => day.First()).Take(query.Wanted)];
        foreach (var slot in slots)
        {
            if (chosen.Count >= query.Wanted)
            {
                break;
            }
            if (!chosen.Any(c => c.Start < slot.End && slot.Start < c.End))
            {
                chosen.Add(slot);
            }
        }
        return [.. chosen.OrderBy(s => s.Start)];
    }

    private static DateOnly LocalDay(DateTimeOffset instant, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
}
