namespace CommunityBot.Jobs;

/// <summary>
/// A timed sweep: reads what is due from the database and acts on it. Runs may repeat, overlap or run on several
/// instances, so an implementation must be idempotent and let the database decide (unique keys, conditional updates).
/// </summary>
public interface IRecurringJob
{
    Task RunAsync(CancellationToken ct);
}
