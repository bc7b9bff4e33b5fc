namespace CommunityBot.Intervision;

/// <summary>
/// The calendars the intervision feature reads and writes (Microsoft Graph in production): free/busy of the
/// participants, and the Teams meeting in the organiser's calendar. A failure Graph explains (403, 404, throttling
/// that outlasted the retries) is a <see cref="CalendarException"/>.
/// </summary>
public interface IIntervisionCalendar
{
    /// <summary>Busy times of each address over [<paramref name="from"/>, <paramref name="to"/>), one entry per address in the same order.</summary>
    Task<IReadOnlyList<CalendarAvailability>> GetScheduleAsync(string organizerEmail, IReadOnlyList<string> emails, DateTimeOffset from, DateTimeOffset to, CancellationToken ct);

    /// <summary>Creates the Teams meeting once: a repeated request with the same transaction id returns the same event.</summary>
    Task<BookedMeeting> CreateMeetingAsync(MeetingRequest request, CancellationToken ct);

    Task MoveMeetingAsync(string organizerEmail, string eventId, DateTimeOffset start, DateTimeOffset end, string timeZone, CancellationToken ct);

    Task CancelMeetingAsync(string organizerEmail, string eventId, string comment, CancellationToken ct);
}

/// <summary>One person's busy times; <see cref="Readable"/> is false when the mailbox could not be read (then <see cref="Problem"/> says why).</summary>
public sealed record CalendarAvailability(string Email, bool Readable, IReadOnlyList<BusyInterval> Busy, UnreadableReason? Problem = null);

/// <summary>Why one mailbox's free/busy could not be read; the coach-the-coach is told it in plain words (<see cref="IntervisionTexts"/>).</summary>
public enum UnreadableReason
{
    NoMailbox,
    NotAllowed,
    NoAnswer,
    Other,
}

public sealed record BusyInterval(DateTimeOffset Start, DateTimeOffset End, BusyKind Kind);

/// <summary>Graph's free/busy statuses other than free.</summary>
public enum BusyKind
{
    Busy,
    Tentative,
    OutOfOffice,
    WorkingElsewhere,
}

public sealed record MeetingAttendee(string Email, string Name);

/// <summary>A Teams meeting to put in the organiser's calendar, with every participant invited.</summary>
/// <param name="TransactionId">Graph's idempotency key for the event: the same id never makes a second event.</param>
public sealed record MeetingRequest(
    string OrganizerEmail,
    string Subject,
    string BodyHtml,
    DateTimeOffset Start,
    DateTimeOffset End,
    string TimeZone,
    IReadOnlyList<MeetingAttendee> Attendees,
    string TransactionId);

public sealed record BookedMeeting(string EventId, string? JoinUrl);

public enum CalendarProblem
{
    AccessDenied,
    NotFound,
    Throttled,
    Unavailable,
}

public sealed class CalendarException(CalendarProblem problem, string message, Exception? inner = null) : Exception(message, inner)
{
    public CalendarProblem Problem { get; } = problem;
}
