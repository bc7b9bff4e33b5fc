using System.Collections.Concurrent;
using CommunityBot.Intervision;

namespace CommunityBot.Tests.Intervision;

/// <summary>
/// A recording stand-in for the calendars (Graph in production): busy times per address, mailboxes it cannot read, a
/// 403 for everything, failing bookings, and how many meetings were created per transaction id (a real calendar makes
/// one event per id; this one counts every call so a test sees a second attempt).
/// </summary>
public sealed class FakeCalendar : IIntervisionCalendar
{
    private readonly ConcurrentDictionary<string, List<BusyInterval>> busy = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, int> created = new();
    private readonly ConcurrentQueue<MeetingRequest> requests = new();
    private readonly ConcurrentQueue<(string EventId, DateTimeOffset Start, DateTimeOffset End)> moves = new();
    private readonly ConcurrentQueue<string> cancellations = new();
    private int failBookings;
    private int waiting;

    public HashSet<string> Unreadable { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every call answers 403, as Graph does without Calendars.ReadWrite.</summary>
    public bool DenyAccess { get; set; }

    /// <summary>Reading free/busy fails with this problem (Graph's 404, or a 429 that outlasted the retries).</summary>
    public CalendarProblem? ScheduleProblem { get; set; }

    /// <summary>Why each address in <see cref="Unreadable"/> cannot be read; no mailbox unless set.</summary>
    public Dictionary<string, UnreadableReason> UnreadableBecause { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Lets a booking wait until the test opens it, so that two callers overlap.</summary>
    public TaskCompletionSource? BookingGate { get; set; }

    public string? JoinUrl { get; set; } = "https://teams.microsoft.com/l/meetup-join/fake";

    public IReadOnlyCollection<MeetingRequest> Requests => requests;

    public IReadOnlyCollection<(string EventId, DateTimeOffset Start, DateTimeOffset End)> Moves => moves;

    public IReadOnlyCollection<string> Cancellations => cancellations;

    /// <summary>Bookings now held at <see cref="BookingGate"/>.</summary>
    public int Waiting => Volatile.Read(ref waiting);

    /// <summary>Completes when the first booking reaches <see cref="BookingGate"/>.</summary>
    public TaskCompletionSource AtGate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int CreatedFor(string transactionId) => created.GetValueOrDefault(transactionId);

    public int CreateCalls => created.Values.Sum();

    public void Busy(string email, DateTimeOffset start, DateTimeOffset end, BusyKind kind = BusyKind.Busy) =>
        busy.GetOrAdd(email, _ => []).Add(new BusyInterval(start, end, kind));

    /// <summary>The next <paramref name="count"/> bookings fail as Graph's 503 would after its retries.</summary>
    public void FailBookings(int count) => Interlocked.Exchange(ref failBookings, count);

    public Task<IReadOnlyList<CalendarAvailability>> GetScheduleAsync(string organizerEmail, IReadOnlyList<string> emails, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        Deny();
        if (ScheduleProblem is { } problem)
        {
            throw new CalendarException(problem, $"Microsoft Graph failed: {problem}");
        }
        IReadOnlyList<CalendarAvailability> result = [.. emails.Select(e => Unreadable.Contains(e)
            ? new CalendarAvailability(e, false, [], UnreadableBecause.GetValueOrDefault(e, UnreadableReason.NoMailbox))
            : new CalendarAvailability(e, true, [.. busy.GetValueOrDefault(e, []).Where(b => b.Start < to && from < b.End)]))];
        return Task.FromResult(result);
    }

    public async Task<BookedMeeting> CreateMeetingAsync(MeetingRequest request, CancellationToken ct)
    {
        Deny();
        if (BookingGate is { } gate)
        {
            Interlocked.Increment(ref waiting);
            AtGate.TrySetResult();
            await gate.Task.WaitAsync(TimeSpan.FromSeconds(10), ct);
        }
        created.AddOrUpdate(request.TransactionId, 1, (_, n) => n + 1);
        requests.Enqueue(request);
        if (Interlocked.Decrement(ref failBookings) >= 0)
        {
            throw new CalendarException(CalendarProblem.Unavailable, "503 Service Unavailable");
        }
        return new BookedMeeting($"event-{request.TransactionId}", JoinUrl);
    }

    /// <summary>Runs while a move is at the calendar: what happens meanwhile (a cancel racing the move).</summary>
    public Func<Task>? DuringMove { get; set; }

    public async Task MoveMeetingAsync(string organizerEmail, string eventId, DateTimeOffset start, DateTimeOffset end, string timeZone, CancellationToken ct)
    {
        Deny();
        moves.Enqueue((eventId, start, end));
        if (DuringMove is { } during)
        {
            await during();
        }
    }

    public Task CancelMeetingAsync(string organizerEmail, string eventId, string comment, CancellationToken ct)
    {
        Deny();
        cancellations.Enqueue(eventId);
        return Task.CompletedTask;
    }

    private void Deny()
    {
        if (DenyAccess)
        {
            throw new CalendarException(CalendarProblem.AccessDenied, "Access is denied. Check credentials and try again. (mailbox nestor.wilke@school.test, permission Calendars.ReadWrite)");
        }
    }
}
