using CommunityBot.People;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityBot.Demo;

/// <summary>Seeds the demo tenant once (on a fresh database); restarting keeps whatever the demo has become.</summary>
internal sealed class DemoSeeder(IServiceScopeFactory scopes, IOptions<DemoOptions> options, TimeProvider clock, ILogger<DemoSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var tenantId = options.Value.TenantId;
        if (await db.People.AnyAsync(p => p.TenantId == tenantId, cancellationToken))
        {
            return;
        }
        var now = clock.GetUtcNow();
        db.People.AddRange(DemoPeople.All.Select(p => new Person
        {
            TenantId = tenantId,
            TeamsUserId = p.TeamsUserId,
            AadObjectId = p.AadObjectId,
            DisplayName = p.Name,
            FirstSeenAt = now,
        }));
        await db.SaveChangesAsync(cancellationToken);
        DemoLog.Seeded(logger, tenantId, DemoPeople.All.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

internal static partial class DemoLog
{
    [LoggerMessage(9001, LogLevel.Information, "Demo tenant {TenantId} seeded with {PeopleCount} people")]
    public static partial void Seeded(ILogger logger, string tenantId, int peopleCount);
}
