using CommunityBot.Testing;
using CommunityBot.Tests.Delivery;
using Xunit;

[assembly: AssemblyFixture(typeof(PostgresServer))]

namespace CommunityBot.Tests.Delivery;

/// <summary>
/// One throwaway PostgreSQL for the whole test run, started the first time a test asks for a database (so runs without
/// such tests never start it) and stopped when the run ends.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly Lazy<Task<PostgresProcess>> server = new(PostgresProcess.StartAsync);

    /// <summary>A connection string to a database of its own (created by whoever migrates first).</summary>
    public async Task<string> DatabaseAsync(string name) => (await server.Value).Database(name);

    public async ValueTask DisposeAsync()
    {
        if (server.IsValueCreated)
        {
            await (await server.Value).DisposeAsync();
        }
    }
}
