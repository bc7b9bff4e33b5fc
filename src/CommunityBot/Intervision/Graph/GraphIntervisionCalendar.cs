using CommunityBot.Operations;
using Microsoft.Graph.Models;
using Microsoft.Graph.Users.Item.Calendar.GetSchedule;
using Microsoft.Graph.Users.Item.Events.Item.Cancel;

namespace CommunityBot.Intervision.Graph;

/// <summary>
/// Microsoft Graph behind <see cref="IIntervisionCalendar"/>, with application permissions in the organiser's mailbox:
/// free/busy through <c>calendar/getSchedule</c>, the Teams meeting as an event with <c>transactionId</c>.
/// </summary>
public sealed class GraphIntervisionCalendar(GraphConnection connection, BotTelemetry telemetry, ILogger<GraphIntervisionCalendar> logger) : IIntervisionCalendar
{
    /// <summary>Graph answers at most 20 schedules in one getSchedule request.</summary>
    public const int SchedulesPerRequest = 20;

    /// <summary>Exchange's free/busy window is at most 42 days; a longer search is asked in parts.</summary>
    public static readonly TimeSpan LongestWindow = TimeSpan.FromDays(42);

    /// <summary>The availabilityView's resolution, used only when a schedule comes without scheduleItems.</summary>
    public const int ViewIntervalMinutes = 15;

    public async Task<IReadOnlyList<CalendarAvailability>> GetScheduleAsync(
        string organizerEmail, IReadOnlyList<string> emails, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var distinct = emails.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var answers = distinct.ToDictionary(e => e, _ => new GraphSchedule(), StringComparer.OrdinalIgnoreCase);
        for (var windowStart = from; windowStart < to; windowStart += LongestWindow)
        {
            var windowEnd = windowStart + LongestWindow < to ? windowStart + LongestWindow : to;
            foreach (var batch in distinct.Chunk(SchedulesPerRequest))
            {
                var body = new GetSchedulePostRequestBody
                {
                    Schedules = [.. batch],
                    StartTime = GraphTimes.Utc(windowStart),
                    EndTime = GraphTimes.Utc(windowEnd),
                    AvailabilityViewInterval = ViewIntervalMinutes,
                };
                var response = await GraphFailures.Translate(telemetry, logger, "getSchedule", () => connection.Client.Users[organizerEmail].Calendar.GetSchedule
                    .PostAsGetSchedulePostResponseAsync(body, r => r.Headers.Add("Prefer", "outlook.timezone=\"UTC\""), ct));
                var infos = (response?.Value ?? []).Where(i => i.ScheduleId is not null)
                    .DistinctBy(i => i.ScheduleId, StringComparer.OrdinalIgnoreCase).ToDictionary(i => i.ScheduleId!, StringComparer.OrdinalIgnoreCase);
                foreach (var email in batch)
                {
                    answers[email].Add(infos.GetValueOrDefault(email), windowStart);
                }
            }
        }
        GraphLog.ScheduleRead(logger, distinct.Count, answers.Values.Count(a => a.Problem is not null));
        return [.. emails.Select(e => answers[e].ToAvailability(e))];
    }

    public async Task<BookedMeeting> CreateMeetingAsync(MeetingRequest request, CancellationToken ct)
    {
        var zone = GraphTimes.GraphZoneName(request.TimeZone);
        var meeting = new Event
        {
            Subject = request.Subject,
            Body = new ItemBody { ContentType = BodyType.Html, Content = request.BodyHtml },
            Start = GraphTimes.InZone(request.Start, request.TimeZone),
            End = GraphTimes.InZone(request.End, request.TimeZone),
            Attendees = [.. request.Attendees.Select(a => new Attendee
            {
                EmailAddress = new EmailAddress { Address = a.Email, Name = a.Name },
                Type = AttendeeType.Required,
            })],
            IsOnlineMeeting = true,
            OnlineMeetingProvider = OnlineMeetingProviderType.TeamsForBusiness,
            TransactionId = request.TransactionId,
        };
        var events = connection.Client.Users[request.OrganizerEmail].Events;
        var created = await GraphFailures.Translate(telemetry, logger, "create event", () =>
            events.PostAsync(meeting, r => r.Headers.Add("Prefer", $"outlook.timezone=\"{zone}\""), ct));
        var eventId = created?.Id ?? throw new CalendarException(CalendarProblem.Unavailable, "Microsoft Graph created the meeting but returned no event id.");
        var joinUrl = created.OnlineMeeting?.JoinUrl;
        if (joinUrl is null)
        {
            // The Teams link can be filled in a moment after the event itself; ask once more rather than book without it.
            var again = await GraphFailures.Translate(telemetry, logger, "read event", () =>
                events[eventId].GetAsync(r => r.QueryParameters.Select = ["id", "onlineMeeting"], ct));
            joinUrl = again?.OnlineMeeting?.JoinUrl;
        }
        GraphLog.MeetingCreated(logger, eventId, joinUrl is not null);
        return new BookedMeeting(eventId, joinUrl);
    }

    public async Task MoveMeetingAsync(string organizerEmail, string eventId, DateTimeOffset start, DateTimeOffset end, string timeZone, CancellationToken ct)
    {
        var change = new Event { Start = GraphTimes.InZone(start, timeZone), End = GraphTimes.InZone(end, timeZone) };
        await GraphFailures.Translate(telemetry, logger, "move event", () => connection.Client.Users[organizerEmail].Events[eventId].PatchAsync(change, cancellationToken: ct));
        GraphLog.MeetingMoved(logger, eventId);
    }

    public async Task CancelMeetingAsync(string organizerEmail, string eventId, string comment, CancellationToken ct)
    {
        var body = new CancelPostRequestBody { Comment = comment };
        await GraphFailures.Translate(telemetry, logger, "cancel event", async () =>
        {
            await connection.Client.Users[organizerEmail].Events[eventId].Cancel.PostAsync(body, cancellationToken: ct);
            return true;
        });
        GraphLog.MeetingCancelled(logger, eventId);
    }
}
