namespace CommunityBot.LoadTests;

/// <summary>Samples the host's resident memory every 250 ms while the load runs and keeps the highest.</summary>
internal sealed class PeakMemory : IDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task<long> sampling;

    public PeakMemory(LoadHost host) => sampling = SampleAsync(host, stop.Token);

    public long Stop()
    {
        stop.Cancel();
        return sampling.GetAwaiter().GetResult();
    }

    public void Dispose() => stop.Dispose();

    private static async Task<long> SampleAsync(LoadHost host, CancellationToken stopped)
    {
        var peak = host.ResidentBytes();
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        try
        {
            while (await timer.WaitForNextTickAsync(stopped))
            {
                peak = Math.Max(peak, host.ResidentBytes());
            }
        }
        catch (OperationCanceledException)
        {
            // the run ended
        }
        return Math.Max(peak, host.ResidentBytes());
    }
}
