using CommunityBot.Bot;
using CommunityBot.Localization;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityBot.Demo;

/// <summary>
/// "demo reset" (Development, with the demo seeded): the demo as it was seeded, to walk the README again. It empties
/// the database's rows, puts the demo clock back to the real time and seeds again. Only a database that holds nothing
/// but the demo tenant is emptied: a developer's imported tenant is never thrown away by a typed word.
/// </summary>
internal sealed class DemoResetCommand(AppDbContext db, DemoSeeder seeder, DemoClock clock, Impersonations impersonations, IOptions<DemoOptions> options) : IBotCommand
{
    public IReadOnlyList<string> Triggers { get; } = ["demo reset", "demo opnieuw"];

    public CommandHelp Help(Language language) => new(DevTexts.All.For(language).ResetCommand, DevTexts.All.For(language).ResetWhat)
    {
        Audience = CommandAudience.Development,
        Topic = CommandTopic.Development,
    };

    public async Task HandleAsync(CommandContext context, CancellationToken ct)
    {
        var texts = DevTexts.All.For(context.Language);
        if (await db.People.AnyAsync(p => p.TenantId != options.Value.TenantId, ct) || await db.Communities.AnyAsync(c => c.TenantId != options.Value.TenantId, ct))
        {
            await context.Turn.ReplyTextAsync(texts.ResetRefused, ct);
            return;
        }
        await EmptyAsync(ct);
        clock.Advance(-clock.Offset);
        impersonations.Clear();
        await seeder.StartAsync(ct);
        await context.Turn.ReplyTextAsync(texts.ResetDone, ct);
    }

    /// <summary>Every table of the model, whatever its foreign keys: the order of deletes does not matter.</summary>
    private async Task EmptyAsync(CancellationToken ct)
    {
        // The names come from the model, never from what someone typed.
        var tables = db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct().Select(t => $"\"{t}\"").ToList();
        if (db.Database.IsNpgsql())
        {
            var truncate = $"TRUNCATE TABLE {string.Join(", ", tables)} RESTART IDENTITY CASCADE";
            await db.Database.ExecuteSqlRawAsync(truncate, ct);
            return;
        }
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            // SQLite ignores this pragma inside a transaction, so the deletes run one by one on one open connection.
            await db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys = OFF", ct);
            foreach (var delete in tables.Select(t => $"DELETE FROM {t}"))
            {
                await db.Database.ExecuteSqlRawAsync(delete, ct);
            }
        }
        finally
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys = ON", ct);
            await db.Database.CloseConnectionAsync();
        }
    }
}
