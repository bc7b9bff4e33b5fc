using Microsoft.Extensions.Options;

namespace CommunityBot.Delivery;

/// <summary>
/// The one driver of this instance's outbox: runs when woken by an enqueue, and sleeps exactly until the next retry,
/// NotBefore or lapsing lease (at most <see cref="DeliveryOptions.PollInterval"/>). The minutely Hangfire job is only
/// a safety net behind it.
/// </summary>
internal sealed class DeliveryWorker(
    DeliveryDispatcher dispatcher, OutboxClaims claims, DeliverySignal signal, DispatcherState state, TimeProvider time,
    IOptions<DeliveryOptions> options, ILogger<DeliveryWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let start-up (migrations, the rest of the host) finish before the first claim.
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = options.Value.PollInterval;
            try
            {
                await dispatcher.RunForWorkerAsync(stoppingToken);
                if (await claims.NextDueAsync(stoppingToken) is { } next)
                {
                    var untilNext = next - time.GetUtcNow();
                    wait = untilNext < wait ? untilNext : wait;
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                DeliveryLog.RunFailed(logger, ex);
            }
            if (wait <= TimeSpan.Zero)
            {
                continue;
            }
            var until = time.GetUtcNow() + wait;
            var parked = false;
            try
            {
                await signal.WaitAsync(until, () =>
                {
                    state.Park(until);
                    parked = true;
                }, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            finally
            {
                if (parked)
                {
                    state.Unpark(until);
                }
            }
            signal.Take();
        }
    }
}
