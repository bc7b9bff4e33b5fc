using System.Collections.Concurrent;

namespace CommunityBot.Demo;

/// <summary>
/// Who acts as whom, by person id. Development only and in memory on purpose: a restart simply makes everyone
/// themselves again, and nothing of it can reach a production database.
/// </summary>
public sealed class Impersonations
{
    private readonly ConcurrentDictionary<long, long> actingAs = new();

    public long? ActorFor(long personId) => actingAs.TryGetValue(personId, out var actor) ? actor : null;

    public void Set(long personId, long? actorId)
    {
        if (actorId is { } actor && actor != personId)
        {
            actingAs[personId] = actor;
        }
        else
        {
            actingAs.TryRemove(personId, out _);
        }
    }

    /// <summary>Everyone is themselves again (the demo was reset).</summary>
    public void Clear() => actingAs.Clear();
}
