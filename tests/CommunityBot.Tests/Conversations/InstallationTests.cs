using System.Net;
using System.Text.Json;
using CommunityBot.Conversations;
using CommunityBot.Teams.Schema;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace CommunityBot.Tests.Conversations;

public sealed class InstallationTests
{
    [Fact]
    public async Task Installing_in_a_personal_chat_stores_the_conversation_and_sends_a_Dutch_welcome_card()
    {
        await using var app = await BotApplication.StartAsync();

        var response = await app.PostAsync(app.Teams.InstallPersonal());

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var sent = (await app.Connector.WaitForActivitiesAsync(1, TimeSpan.FromSeconds(10))).Single();
        sent.ConversationId.ShouldBe(TeamsActivities.PersonalChatOf(TeamsActivities.Teacher));
        CardText(sent.Activity!).ShouldContain("Welkom bij CommunityBot");
        var stored = await app.QueryAsync(db => db.Conversations.SingleAsync());
        stored.Kind.ShouldBe(ConversationKind.Personal);
        stored.ServiceUrl.ShouldBe(app.Connector.ServiceUrl);
        stored.TenantId.ShouldBe(TeamsActivities.TenantId);
        stored.WelcomedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task The_two_install_events_Teams_sends_greet_only_once()
    {
        await using var app = await BotApplication.StartAsync();

        await Task.WhenAll(app.PostAsync(app.Teams.InstallPersonal()), app.PostAsync(app.Teams.BotAddedToPersonal()));

        await app.Connector.WaitForActivitiesAsync(1, TimeSpan.FromSeconds(10));
        app.Connector.SentActivities.Count.ShouldBe(1);
        (await app.QueryAsync(db => db.Conversations.CountAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task Installing_in_a_team_stores_team_and_channel_and_greets_the_channel()
    {
        await using var app = await BotApplication.StartAsync();

        await app.PostAsync(app.Teams.InstallInTeam());

        var sent = (await app.Connector.WaitForActivitiesAsync(1, TimeSpan.FromSeconds(10))).Single();
        sent.ConversationId.ShouldBe(TeamsActivities.TeamId);
        CardText(sent.Activity!).ShouldContain("toegevoegd aan dit team");
        var stored = await app.QueryAsync(db => db.Conversations.SingleAsync());
        stored.Kind.ShouldBe(ConversationKind.Channel);
        stored.TeamId.ShouldBe(TeamsActivities.TeamId);
        stored.ChannelId.ShouldBe(TeamsActivities.TeamId);
    }

    [Fact]
    public async Task Uninstalling_marks_the_conversation_removed_and_reinstalling_greets_again()
    {
        await using var app = await BotApplication.StartAsync();
        await app.PostAsync(app.Teams.InstallPersonal());

        await app.PostAsync(app.Teams.UninstallPersonal());
        (await app.QueryAsync(db => db.Conversations.SingleAsync())).RemovedAt.ShouldNotBeNull();

        await app.PostAsync(app.Teams.InstallPersonal());
        await app.Connector.WaitForActivitiesAsync(2, TimeSpan.FromSeconds(10));
        (await app.QueryAsync(db => db.Conversations.SingleAsync())).RemovedAt.ShouldBeNull();
    }

    internal static string CardText(Activity activity) =>
        JsonSerializer.Serialize(activity.Attachments!.Single().Content, TeamsJson.Options);

    [Fact]
    public async Task An_install_event_that_names_no_person_keeps_the_person_of_the_personal_chat()
    {
        await using var app = await BotApplication.StartAsync();
        (await app.PostAsync(app.Teams.InstallPersonal())).StatusCode.ShouldBe(HttpStatusCode.OK);
        var teacher = await app.QueryAsync(db => db.People.Where(p => p.AadObjectId == TeamsActivities.Teacher.AadObjectId).Select(p => p.Id).SingleAsync());
        // Teams may send an event of the chat as the bot itself: it says nothing about whose chat it is.
        var fromTheBot = app.Teams.BotAddedToPersonal();
        fromTheBot.From = new ChannelAccount { Id = TeamsActivities.BotId };

        var response = await app.PostAsync(fromTheBot);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.QueryAsync(db => db.Conversations.Select(c => c.PersonId).SingleAsync())).ShouldBe(teacher);
    }
}
