namespace CommunityBot.Intervision.Graph.StandIn;

/// <summary>
/// The offline demo's Microsoft Graph: the demo coaches' calendars (<see cref="GraphStandInCalendars"/>) plus the events
/// booked through it, kept in memory. Like Graph, a repeated transactionId returns the event it made the first time.
/// </summary>
public sealed class GraphStandIn(TimeProvider clock)
{
    public const string MailDomain = "@demo.school";

    private readonly Lock gate = new();
    private readonly Dictionary<string, StandInEvent> events = [];
    private readonly Dictionary<string, string> eventByTransaction = [];

    public sealed record StandInEvent(
        string Id, string Organizer, string Subject, DateTimeOffset Start, DateTimeOffset End, string TimeZone,
        IReadOnlyList<(string Email, string? Name)> Attendees, string? TransactionId, bool Cancelled)
    {
        public string JoinUrl => $"https://teams.microsoft.com/l/meetup-join/19%3ameeting_{Id}%40thread.v2/0";

        public bool Involves(string email) =>
            Organizer.Equals(email, StringComparison.OrdinalIgnoreCase) || Attendees.Any(a => a.Email.Equals(email, StringComparison.OrdinalIgnoreCase));
    }

    public static bool HasMailbox(string email) => email.EndsWith(MailDomain, StringComparison.OrdinalIgnoreCase) && email.Length > MailDomain.Length;

    public IReadOnlyList<BusyInterval> BusyOf(string email, DateTimeOffset from, DateTimeOffset to)
    {
        lock (gate)
        {
            var booked = events.Values
                .Where(e => !e.Cancelled && e.Involves(email) && e.Start < to && from < e.End)
                .Select(e => new BusyInterval(e.Start, e.End, BusyKind.Busy));
            return [.. GraphStandInCalendars.Of(email, from, to, clock.GetUtcNow()).Concat(booked).OrderBy(b => b.Start)];
        }
    }

    /// <summary>The new event, or the one an earlier request with the same transactionId made.</summary>
    public StandInEvent Create(StandInEvent request)
    {
        lock (gate)
        {
            if (request.TransactionId is { } transaction && eventByTransaction.TryGetValue(transaction, out var existing))
            {
                return events[existing];
            }
            var created = request with { Id = $"standin-{events.Count + 1}" };
            events[created.Id] = created;
            if (created.TransactionId is { } id)
            {
                eventByTransaction[id] = created.Id;
            }
            return created;
        }
    }

    public StandInEvent? Find(string organizer, string id)
    {
        lock (gate)
        {
            return events.TryGetValue(id, out var found) && found.Organizer.Equals(organizer, StringComparison.OrdinalIgnoreCase) ? found : null;
        }
    }

    public StandInEvent? Change(string organizer, string id, Func<StandInEvent, StandInEvent> change)
    {
        lock (gate)
        {
            if (Find(organizer, id) is not { } found)
            {
                return null;
            }
            return events[id] = change(found);
        }
    }
}
