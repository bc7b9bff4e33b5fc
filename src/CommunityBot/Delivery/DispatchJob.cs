using CommunityBot.Jobs;

namespace CommunityBot.Delivery;

/// <summary>
/// The minutely safety net: with Hangfire on PostgreSQL one instance runs it, with in-memory storage every instance
/// does. Either way the claim query decides who sends what.
/// </summary>
internal sealed class DispatchJob(DeliveryDispatcher dispatcher) : IRecurringJob
{
    public const string Id = "delivery-dispatch";

    public Task RunAsync(CancellationToken ct) => dispatcher.RunAsync(ct);
}
