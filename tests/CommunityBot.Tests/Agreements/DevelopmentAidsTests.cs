using CommunityBot.Demo;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.Agreements.AgreementWorld;

namespace CommunityBot.Tests.Agreements;

public sealed class DevelopmentAidsTests
{
    [Fact]
    public void The_demo_clock_moves_now_by_whole_days_and_keeps_the_inner_clock()
    {
        var inner = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(BotApplication.Start);
        var clock = new DemoClock(inner);

        clock.Advance(TimeSpan.FromDays(7));

        clock.GetUtcNow().ShouldBe(BotApplication.Start.AddDays(7));
        inner.Advance(TimeSpan.FromMinutes(1));
        clock.GetUtcNow().ShouldBe(BotApplication.Start.AddDays(7).AddMinutes(1));
    }

    [Fact]
    public async Task In_Development_the_clock_can_be_advanced_and_the_sweeps_run_on_demand()
    {
        await using var app = await BotApplication.StartAsync();
        var world = await CreateAsync(app);
        await world.RecordViaCardAsync("Finish", "Lesvoorbereiding H3 afwerken", $"{world.Id(Megan)}");

        await app.PostAsync(app.Teams.Message("spoel 7 dagen door", Coach));
        app.Services.GetRequiredService<DemoClock>().Offset.ShouldBe(TimeSpan.FromDays(7));

        app.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 16, 15, 0, 0, TimeSpan.Zero));
        await app.PostAsync(app.Teams.Message("run reminders now", Coach));
        await app.Connector.WaitForActivitiesAsync(2, TimeSpan.FromSeconds(10));

        (await world.OutboxAsync()).ShouldContain(m => m.Purpose == "reminder" && m.PersonId == world.Id(Megan));
        app.Connector.SentActivities.ShouldContain(a => a.Activity!.Text != null && a.Activity.Text.StartsWith("Herinneringen, briefings en duwtjes"));
    }
}
