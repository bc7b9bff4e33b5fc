namespace CommunityBot.Delivery;

/// <summary>
/// Which of a tenant's waiting messages go first within its request budget. Stored as a number, so that claims
/// order by it: interactive before normal before bulk.
/// </summary>
public enum DeliveryPriority
{
    /// <summary>Someone is waiting for it: a help alert to a coach, a reply in a help thread, a confirmation.</summary>
    Interactive = 0,

    /// <summary>Timed for one person or community: reminders, briefings, nudges, close-the-loop, attendance.</summary>
    Normal = 1,

    /// <summary>The same kind of message to many at once: digests, check-in openings and reminders, summaries.</summary>
    Bulk = 2,
}
