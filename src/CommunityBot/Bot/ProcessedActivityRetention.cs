using CommunityBot.Jobs;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Bot;

/// <summary>
/// Teams redelivers within minutes, so dedupe claims are useless after a day or two; they also hold the cards
/// answered to invokes (names, agreement texts), which must not be kept longer than needed.
/// </summary>
internal sealed class ProcessedActivityRetention(AppDbContext db, TimeProvider clock) : IRecurringJob
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(2);

    public async Task RunAsync(CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow() - KeptFor;
        await db.ProcessedActivities.Where(p => p.ReceivedAt < cutoff).ExecuteDeleteAsync(ct);
    }
}
