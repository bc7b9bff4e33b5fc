namespace CommunityBot.CheckIns;

/// <summary>Loads the instrument when the host starts, so a broken file stops the start with its errors instead of failing the first answer.</summary>
internal sealed class InstrumentStartupCheck(InstrumentCatalog catalog, CheckInPseudonyms pseudonyms) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = catalog.Current;
        _ = pseudonyms.KeyVersion;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
