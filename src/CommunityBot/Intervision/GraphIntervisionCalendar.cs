namespace CommunityBot.Intervision;

/// <summary>Microsoft Graph behind <see cref="IIntervisionCalendar"/>.</summary>
public sealed class GraphIntervisionCalendar : IIntervisionCalendar
{
    public Task<IReadOnlyList<CalendarAvailability>> GetScheduleAsync(string organizerEmail, IReadOnlyList<string> emails, DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        throw new NotSupportedException();

    public Task<BookedMeeting> CreateMeetingAsync(MeetingRequest request, CancellationToken ct) => throw new NotSupportedException();

    public Task MoveMeetingAsync(string organizerEmail, string eventId, DateTimeOffset start, DateTimeOffset end, string timeZone, CancellationToken ct) =>
        throw new NotSupportedException();

    public Task CancelMeetingAsync(string organizerEmail, string eventId, string comment, CancellationToken ct) => throw new NotSupportedException();
}
