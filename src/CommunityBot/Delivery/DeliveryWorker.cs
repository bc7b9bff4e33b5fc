using Microsoft.Extensions.Options;

namespace CommunityBot.Delivery;

/// <summary>
/// Keeps this instance's outbox moving between the minutely Hangfire run: runs when woken by an enqueue, and sleeps
/// exactly until the next retry, NotBefore or lapsing lease (at most <see cref="DeliveryOptions.PollInterval"/>).
/// </summary>
internal sealed class DeliveryWorker(DeliveryDispatcher dispatcher, DeliverySignal signal, TimeProvider time, IOptions<DeliveryOptions> options, ILogger<DeliveryWorker> logger)
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
                await dispatcher.RunAsync(stoppingToken);
                if (await dispatcher.NextDueAsync(stoppingToken) is { } next)
                {
                    var untilNext = next - time.GetUtcNow();
                    wait = untilNext < wait ? untilNext : wait;
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                DeliveryLog.RunFailed(logger, ex);
            }
            try
            {
                if (wait > TimeSpan.Zero)
                {
                    await signal.WaitAsync(wait, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
