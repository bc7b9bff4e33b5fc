using CommunityBot.Tests.Delivery;
using Xunit;

namespace CommunityBot.Tests.Communities;

/// <summary>
/// The README's import figures, by hand only (explicit):
/// <c>IMPORT_ROWS=100000 dotnet test --project tests/CommunityBot.Tests -- --filter-class '*ImportFigures' --explicit only --output detailed</c>.
/// </summary>
public sealed class ImportFigures(PostgresServer postgres)
{
    private static int Rows => int.TryParse(Environment.GetEnvironmentVariable("IMPORT_ROWS"), out var rows) ? rows : 100_000;

    [Fact(Explicit = true)]
    public async Task Import_on_SQLite_while_help_is_asked()
    {
        await using var app = await BotApplication.StartAsync();
        Report("SQLite", await ImportUnderLoad.RunAsync(app, Rows));
    }

    [Fact(Explicit = true)]
    public async Task Import_on_PostgreSQL_while_help_is_asked()
    {
        var connectionString = await postgres.DatabaseAsync($"import_figures_{Guid.NewGuid():N}");
        await using var app = await BotApplication.StartAsync(s =>
        {
            s["Storage:Provider"] = "PostgreSql";
            s["Storage:ConnectionString"] = connectionString;
        });
        Report("PostgreSQL", await ImportUnderLoad.RunAsync(app, Rows));
    }

    private static void Report(string database, ImportUnderLoad.Figures figures)
    {
        var line = $"{database}: {figures} ({figures.Status.Status})";
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        Console.WriteLine(line);
    }
}
