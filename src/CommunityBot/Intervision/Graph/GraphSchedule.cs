using Microsoft.Graph.Models;

namespace CommunityBot.Intervision.Graph;

/// <summary>One address's answers over the windows and batches of a getSchedule search, read as busy intervals or a plain problem.</summary>
internal sealed class GraphSchedule
{
    private readonly List<BusyInterval> busy = [];

    public UnreadableReason? Problem { get; private set; }

    public void Add(ScheduleInformation? info, DateTimeOffset windowStart)
    {
        if (Problem is not null)
        {
            return;
        }
        if (info is null)
        {
            Problem = UnreadableReason.NoAnswer;
            return;
        }
        if (info.Error is { } error)
        {
            Problem = Explain(error);
            return;
        }
        if (info.ScheduleItems is { } items)
        {
            foreach (var item in items)
            {
                if (item.Start is not null && item.End is not null && Kind(item.Status) is { } kind)
                {
                    busy.Add(new BusyInterval(GraphTimes.ToInstant(item.Start), GraphTimes.ToInstant(item.End), kind));
                }
            }
            return;
        }
        AddView(info.AvailabilityView ?? "", windowStart);
    }

    /// <summary>An appointment across two parts of a long search comes back in both; it is one busy interval.</summary>
    public CalendarAvailability ToAvailability(string email) =>
        Problem is null ? new(email, true, [.. busy.Distinct().OrderBy(b => b.Start)]) : new(email, false, [], Problem);

    /// <summary>Without scheduleItems, the view string: one digit per interval (0 free, 1 tentative, 2 busy, 3 out of office, 4 working elsewhere).</summary>
    private void AddView(string view, DateTimeOffset windowStart)
    {
        var step = TimeSpan.FromMinutes(GraphIntervisionCalendar.ViewIntervalMinutes);
        for (var i = 0; i < view.Length; i++)
        {
            BusyKind? kind = view[i] switch
            {
                '1' => BusyKind.Tentative,
                '2' => BusyKind.Busy,
                '3' => BusyKind.OutOfOffice,
                '4' => BusyKind.WorkingElsewhere,
                _ => null,
            };
            if (kind is { } k)
            {
                busy.Add(new BusyInterval(windowStart + (step * i), windowStart + (step * (i + 1)), k));
            }
        }
    }

    /// <summary>Free is no interval; unknown counts as busy, since a slot nobody can vouch for is not a free one.</summary>
    private static BusyKind? Kind(FreeBusyStatus? status) => status switch
    {
        FreeBusyStatus.Free => null,
        FreeBusyStatus.Tentative => BusyKind.Tentative,
        FreeBusyStatus.Oof => BusyKind.OutOfOffice,
        FreeBusyStatus.WorkingElsewhere => BusyKind.WorkingElsewhere,
        _ => BusyKind.Busy,
    };

    private static UnreadableReason Explain(FreeBusyError error) => error.ResponseCode switch
    {
        "ErrorMailRecipientNotFound" or "ErrorInvalidSmtpAddress" => UnreadableReason.NoMailbox,
        "ErrorProxyRequestNotAllowed" or "ErrorAccessDenied" or "ErrorFreeBusyAccessDenied" => UnreadableReason.NotAllowed,
        _ => UnreadableReason.Other,
    };
}
