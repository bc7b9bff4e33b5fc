namespace CommunityBot.Delivery;

/// <summary>
/// Told once when a recipient becomes unreachable, inside the transaction that records it, with the same scoped
/// services (so an implementation can enqueue an outbox message to the person's coach atomically). The communities
/// feature implements it; with no listener registered the event is only logged.
/// </summary>
public interface IUnreachableRecipientListener
{
    Task OnUnreachableAsync(UnreachableRecipient recipient, CancellationToken ct);
}
