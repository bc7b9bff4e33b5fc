using System.Diagnostics;
using CommunityBot.Tests.Delivery;
using Xunit;

[assembly: AssemblyFixture(typeof(PostgresServer))]

namespace CommunityBot.Tests.Delivery;

/// <summary>
/// One throwaway PostgreSQL for the whole test run, started by <c>scripts/postgres.sh</c> the first time a test asks
/// for a database (so runs without such tests never start it) and stopped when the run ends.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), $"communitybot-pg-{Guid.NewGuid():N}");
    private readonly Lazy<Task<string>> server;

    public PostgresServer() => server = new Lazy<Task<string>>(() => Task.Run(() => Script("start")));

    /// <summary>A connection string to a database of its own (created by whoever migrates first).</summary>
    public async Task<string> DatabaseAsync(string name) =>
        (await server.Value).Replace("Database=postgres", $"Database={name}", StringComparison.Ordinal);

    public async ValueTask DisposeAsync()
    {
        if (server.IsValueCreated)
        {
            await Task.Run(() => Script("stop"));
        }
    }

    private string Script(string command)
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "CommunityBot.sln")))
        {
            root = root.Parent;
        }
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(root?.FullName ?? throw new InvalidOperationException("CommunityBot.sln not found"), "scripts", "postgres.sh"));
        start.ArgumentList.Add(command);
        start.ArgumentList.Add(directory);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/postgres.sh {command} failed ({process.ExitCode}): {stderr.Result}");
        }
        return stdout.Result.Trim().Split('\n')[^1];
    }
}
