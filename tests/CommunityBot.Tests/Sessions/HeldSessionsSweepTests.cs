using CommunityBot.Communities;
using CommunityBot.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace CommunityBot.Tests.Sessions;

public sealed class HeldSessionsSweepTests
{
    [Fact]
    public async Task A_planned_session_whose_time_has_passed_is_marked_held_and_later_ones_stay_planned()
    {
        await using var app = await BotApplication.StartAsync();
        var now = app.Clock.GetUtcNow();
        await app.QueryAsync(async db =>
        {
            var community = new Community { TenantId = TeamsActivities.TenantId, Name = "Frans 2de graad" };
            db.Sessions.AddRange(
                new Session { Community = community, StartsAt = now - TimeSpan.FromHours(3), Duration = TimeSpan.FromHours(2.5) },
                new Session { Community = community, StartsAt = now - TimeSpan.FromHours(1), Duration = TimeSpan.FromHours(2.5) },
                new Session { Community = community, StartsAt = now - TimeSpan.FromDays(30), Status = SessionStatus.Cancelled });
            return await db.SaveChangesAsync();
        });

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<HeldSessionsSweep>().RunAsync(TestContext.Current.CancellationToken);
        }

        var statuses = await app.QueryAsync(db => db.Sessions.OrderBy(s => s.Id).Select(s => s.Status).ToListAsync());
        statuses.ShouldBe([SessionStatus.Held, SessionStatus.Planned, SessionStatus.Cancelled]);
    }
}
