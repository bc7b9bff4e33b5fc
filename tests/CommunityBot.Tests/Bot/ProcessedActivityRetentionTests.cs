using CommunityBot.Bot;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace CommunityBot.Tests.Bot;

public sealed class ProcessedActivityRetentionTests
{
    [Fact]
    public async Task Dedupe_claims_and_the_cards_they_hold_are_deleted_after_two_days()
    {
        await using var app = await BotApplication.StartAsync();
        await app.PostAsync(app.Teams.Message("help"));
        app.Clock.Advance(TimeSpan.FromDays(1));
        await app.PostAsync(app.Teams.Message("help"));
        app.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ProcessedActivityRetention>().RunAsync(TestContext.Current.CancellationToken);
        }

        (await app.QueryAsync(db => db.ProcessedActivities.CountAsync())).ShouldBe(1);
    }
}
