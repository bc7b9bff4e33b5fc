using System.Buffers;
using System.Data.Common;
using CommunityBot.Bot;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityBot.Tests.Logging;

/// <summary>
/// Logs carry ids only: at the end of every test host, no text, name, e-mail address or token the test sent or seeded
/// may appear in any log message, scope value or exception it logged.
/// </summary>
internal static class LogScan
{
    /// <summary>
    /// People seeded straight into the database (and everyone the bot recorded) count as sent; a command's own words
    /// do not.
    /// </summary>
    public static async Task CollectPeopleAsync(BotApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        app.Sensitive.Forget(scope.ServiceProvider.GetServices<IBotCommand>().SelectMany(c => c.Triggers));
        try
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            foreach (var person in await db.People.AsNoTracking().Select(p => new { p.DisplayName, p.Email }).ToListAsync())
            {
                app.Sensitive.Add(person.DisplayName, "display name");
                app.Sensitive.Add(person.Email, "e-mail");
            }
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or ObjectDisposedException)
        {
            // A test that took the database away (fault injection, a stopped server) leaves the values it posted.
        }
        foreach (var token in app.Connector.IssuedTokens)
        {
            app.Sensitive.Add(token, "connector token");
        }
    }

    public static void AssertClean(BotApplication app)
    {
        var sensitive = app.Sensitive.All.ToList();
        if (sensitive.Count == 0)
        {
            return;
        }
        // One search for all values at once: a host that imported thousands of people also logged thousands of lines.
        var values = SearchValues.Create([.. sensitive.Select(s => s.Value)], StringComparison.OrdinalIgnoreCase);
        var leaks = app.Logs.Entries
            .SelectMany(entry => entry.Texts.Select(text => (Entry: entry, Text: text, At: text.AsSpan().IndexOfAny(values))))
            .Where(found => found.At >= 0)
            .Take(10)
            .Select(found => sensitive.First(s => found.Text.AsSpan(found.At).StartsWith(s.Value, StringComparison.OrdinalIgnoreCase)) is var (value, origin)
                ? $"{origin} \"{value}\" in {found.Entry}"
                : "")
            .ToList();
        if (leaks.Count > 0)
        {
            throw new InvalidOperationException("Logs must carry ids only, but these hold what people wrote or are:\n" + string.Join("\n", leaks));
        }
    }
}
