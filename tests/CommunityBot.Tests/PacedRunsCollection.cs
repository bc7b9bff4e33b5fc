using Xunit;

namespace CommunityBot.Tests.Processes;

/// <summary>
/// Runs that pace real host processes against the clock (fan-outs, scale-out, the load harness) run alone, after the
/// rest: tests beside them on two cores stall the hosts and turn into 429s and timeouts what is only the load.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PacedRunsCollection
{
    public const string Name = "paced runs";
}
