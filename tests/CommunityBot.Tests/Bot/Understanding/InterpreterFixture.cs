using CommunityBot.Bot.Understanding;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CommunityBot.Tests.Bot.Understanding;

/// <summary>The interpreter over every command the real host registers (Development, so the demo aids too).</summary>
public sealed class InterpreterFixture : IAsyncLifetime
{
    private BotApplication? app;

    public Interpreter Interpreter { get; private set; } = null!;

    /// <summary>The host's first day: Monday 2 March 2026 in Brussels.</summary>
    public static DateOnly Today => DateOnly.FromDateTime(BotApplication.Start.ToOffset(TimeSpan.FromHours(1)).DateTime);

    public async ValueTask InitializeAsync()
    {
        app = await BotApplication.StartAsync();
        Interpreter = app.Services.GetRequiredService<Interpreter>();
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }
}
