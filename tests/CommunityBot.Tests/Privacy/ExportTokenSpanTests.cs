using System.Collections.Concurrent;
using System.Diagnostics;
using CommunityBot.People;
using CommunityBot.Privacy;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace CommunityBot.Tests.Privacy;

/// <summary>The export link is a one-time credential: no span (the server span's url.path included) may carry it.</summary>
public sealed class ExportTokenSpanTests
{
    [Fact]
    public async Task The_export_token_is_in_no_span_tag()
    {
        await using var app = await BotApplication.StartAsync();
        string token;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            token = scope.ServiceProvider.GetRequiredService<ExportLinks>().TokenFor(new Person { Id = 424242, TenantId = TeamsActivities.TenantId });
        }
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        using var client = app.CreateClient();

        await client.GetAsync($"{ExportLinks.Path}/{token}", TestContext.Current.CancellationToken);
        // The server span stops just after the response reaches the client.
        for (var i = 0; i < 50 && !stopped.Any(a => a.DisplayName.Contains("/privacy/export", StringComparison.Ordinal)); i++)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
        stopped.ShouldContain(a => a.DisplayName.Contains("/privacy/export", StringComparison.Ordinal));

        var mine = stopped.Where(a => a.TagObjects.Any(t => Convert.ToString(t.Value, System.Globalization.CultureInfo.InvariantCulture)?.Contains(token[..20], StringComparison.Ordinal) == true)).ToList();
        mine.SelectMany(a => a.TagObjects).Where(t => Convert.ToString(t.Value, System.Globalization.CultureInfo.InvariantCulture)!.Contains(token[..20], StringComparison.Ordinal))
            .Select(t => t.Key).ShouldBeEmpty();
    }
}
