using CommunityBot.Communities.Import;
using CommunityBot.Tests.Delivery;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace CommunityBot.Tests.Communities;

/// <summary>
/// The README's import figures, by hand only (explicit), printed by the test executable (<c>dotnet test</c> does not show
/// a passing test's output): <c>IMPORT_ROWS=100000 tests/CommunityBot.Tests/bin/Debug/net10.0/CommunityBot.Tests -class
/// '*ImportFigures' -explicit only -showLiveOutput</c> (<c>IMPORT_BATCH_ROWS</c> tries another <c>Import:BatchRows</c>
/// and <c>Import:PostgreSqlBatchRows</c>; <c>IMPORT_HELP=0</c> leaves out the members asking for help, so the CPU
/// printed is the import's own).
/// They assert nothing.
/// </summary>
public sealed class ImportFigures(PostgresServer postgres)
{
    private static int Rows => int.TryParse(Environment.GetEnvironmentVariable("IMPORT_ROWS"), out var rows) ? rows : 100_000;

    private static string? BatchRows => Environment.GetEnvironmentVariable("IMPORT_BATCH_ROWS");

    private static bool AskHelp => Environment.GetEnvironmentVariable("IMPORT_HELP") != "0";

    [Fact(Explicit = true)]
    public async Task Import_on_SQLite_while_help_is_asked()
    {
        await using var app = await BotApplication.StartAsync(WithBatchRows);
        Report(app, "SQLite", await ImportUnderLoad.RunAsync(app, Rows, AskHelp));
    }

    [Fact(Explicit = true)]
    public async Task Import_on_PostgreSQL_while_help_is_asked()
    {
        var connectionString = await postgres.DatabaseAsync($"import_figures_{Guid.NewGuid():N}");
        await using var app = await BotApplication.StartAsync(s =>
        {
            s["Storage:Provider"] = "PostgreSql";
            s["Storage:ConnectionString"] = connectionString;
            WithBatchRows(s);
        });
        var server = await PostgresCpu.OfAsync(app);
        Report(app, "PostgreSQL", await ImportUnderLoad.RunAsync(app, Rows, AskHelp, server.Used));
    }

    private static void WithBatchRows(IDictionary<string, string?> settings)
    {
        if (BatchRows is { } rows)
        {
            settings["Import:BatchRows"] = rows;
            settings["Import:PostgreSqlBatchRows"] = rows;
        }
    }

    private static void Report(BotApplication app, string database, ImportUnderLoad.Figures figures)
    {
        var options = app.Services.GetRequiredService<IOptions<ImportOptions>>().Value;
        var batchRows = database == "PostgreSQL" ? options.PostgreSqlBatchRows : options.BatchRows;
        var line = $"{database}, batches of {batchRows} rows: {figures} ({figures.Status.Status})";
        TestContext.Current.TestOutputHelper?.WriteLine(line);
    }
}
