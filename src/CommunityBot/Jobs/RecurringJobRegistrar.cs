using Hangfire;

namespace CommunityBot.Jobs;

internal sealed class RecurringJobRegistrar(IEnumerable<RecurringJobRegistration> registrations, IRecurringJobManager manager) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var registration in registrations)
        {
            registration.Register(manager);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
