using System.Diagnostics;

namespace CommunityBot.Testing;

/// <summary>A throwaway PostgreSQL on a free loopback port, started and stopped with <c>scripts/postgres.sh</c>.</summary>
public sealed class PostgresProcess(string directory, string connectionString) : IAsyncDisposable
{
    public static async Task<PostgresProcess> StartAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"communitybot-pg-{Guid.NewGuid():N}");
        return new PostgresProcess(directory, (await ScriptAsync("start", directory)).Split('\n')[^1]);
    }

    public string Database(string name) => connectionString.Replace("Database=postgres", $"Database={name}", StringComparison.Ordinal);

    public async ValueTask DisposeAsync() => await ScriptAsync("stop", directory);

    private static async Task<string> ScriptAsync(string command, string directory)
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
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/postgres.sh {command} failed ({process.ExitCode}): {await stderr}");
        }
        return (await stdout).Trim();
    }
}
