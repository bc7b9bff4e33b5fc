using CommunityBot.Bot;
using CommunityBot.CheckIns;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace CommunityBot.Tests.CheckIns;

/// <summary>The pseudonym secret, k and the schedule's days are checked when the host starts.</summary>
public sealed class CheckInOptionsTests
{
    private static async Task<Exception?> StartFailureAsync(Action<IDictionary<string, string?>> configure)
    {
        try
        {
            await using var app = await BotApplication.StartAsync(configure);
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    [Fact]
    public async Task Development_runs_on_the_development_secret_when_none_is_configured()
    {
        (await StartFailureAsync(s => s.Remove("CheckIns:PseudonymSecret"))).ShouldBeNull();
    }

    [Fact]
    public async Task Outside_development_a_missing_or_public_secret_stops_the_start()
    {
        void Production(IDictionary<string, string?> s)
        {
            s["environment"] = "Production";
            s["Bot:AppId"] = "00000000-0000-0000-0000-00000000b0t1";
        }

        (await StartFailureAsync(s => { Production(s); s.Remove("CheckIns:PseudonymSecret"); }))!.ToString().ShouldContain("CheckIns:PseudonymSecret must be set");
        (await StartFailureAsync(s => { Production(s); s["CheckIns:PseudonymSecret"] = CheckInsOptions.DevelopmentSecret; }))!
            .ToString().ShouldContain("public development default");
        (await StartFailureAsync(Production)).ShouldBeNull();
    }

    [Fact]
    public async Task Outside_development_there_is_no_command_that_opens_a_check_in_by_hand_but_my_check_ins_remains()
    {
        await using var app = await BotApplication.StartAsync(s =>
        {
            s["environment"] = "Production";
            s["Bot:AppId"] = "00000000-0000-0000-0000-00000000b0t1";
        });

        using var scope = app.Services.CreateScope();
        var commands = scope.ServiceProvider.GetServices<IBotCommand>().ToList();
        commands.ShouldNotContain(c => c is RunCheckInNowCommand);
        commands.ShouldContain(c => c is MyCheckInsCommand);
    }

    [Fact]
    public async Task A_minimum_of_responses_below_three_stops_the_start()
    {
        (await StartFailureAsync(s => s["CheckIns:MinimumResponses"] = "2"))!.ToString().ShouldContain("MinimumResponses");
    }

    [Theory]
    [InlineData("0", "2", "OpenDays")]
    [InlineData("15", "2", "OpenDays")]
    [InlineData("5", "5", "ReminderAfterDays must be smaller")]
    public async Task A_window_outside_1_to_14_days_or_a_reminder_not_before_closing_stops_the_start(string openDays, string reminderAfterDays, string message)
    {
        (await StartFailureAsync(s =>
        {
            s["CheckIns:OpenDays"] = openDays;
            s["CheckIns:ReminderAfterDays"] = reminderAfterDays;
        }))!.ToString().ShouldContain(message);
    }
}
