using CommunityBot.Teams.Cards;
using CommunityBot.Teams.Connector;
using CommunityBot.Teams.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace CommunityBot.Tests.Bot;

/// <summary>A turn whose sender cannot be resolved to a person ends politely before any command or button handler needs one.</summary>
public sealed class UnknownSenderTests
{
    [Fact]
    public async Task A_button_press_that_reaches_the_turn_without_a_person_gets_a_polite_message_and_changes_nothing()
    {
        await using var app = await BotApplication.StartAsync();
        var press = app.Teams.Execute(CommunityBot.Bot.BotVerbs.SetLanguage, new { language = "en" }, "card-1");
        // The endpoint refuses this with 400 already; the turn's own guard is what is tested here.
        press.From = press.Recipient;
        using var scope = app.Services.CreateScope();
        var turn = new TurnContext(press, scope.ServiceProvider.GetRequiredService<ConnectorClient>());

        var response = await scope.ServiceProvider.GetRequiredService<TurnPipeline>().RunAsync(turn, TestContext.Current.CancellationToken);

        response.ShouldNotBeNull().Type.ShouldBe(InvokeResponse.MessageType);
        response.Value.ShouldNotBeNull().GetString().ShouldBe("Ik kon niet nagaan wie dit stuurde, dus er is niets veranderd.");
        (await app.QueryAsync(db => db.People.CountAsync())).ShouldBe(0);
    }
}
