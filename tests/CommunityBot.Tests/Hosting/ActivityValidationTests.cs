using System.Net;
using CommunityBot.Bot;
using CommunityBot.Teams.Schema;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace CommunityBot.Tests.Hosting;

/// <summary>An activity that lacks what every feature relies on is answered 400 before any feature runs.</summary>
public sealed class ActivityValidationTests
{
    public static TheoryData<string> Defects => new()
    {
        "no conversation", "empty conversation id", "no from", "empty from id", "no tenant",
        "no service url", "relative service url", "http service url of another machine", "https service url of an unknown host",
        "a message from the bot itself", "a button press from the bot itself",
        "a null member added", "a member added without an id", "a null member removed", "a member removed without an id",
        "a tenant id of 65 characters", "a from.id of 257 characters", "an aadObjectId of 65 characters",
        "a conversation id of 513 characters", "a team id of 513 characters", "a channel id of 513 characters",
        "a service url of 513 characters",
        "a tenant id with a NUL", "a from.id with an escape character", "a member added whose id has a bell",
    };

    [Theory]
    [MemberData(nameof(Defects))]
    public async Task An_activity_lacking_what_features_rely_on_gets_400_and_changes_nothing(string defect)
    {
        await using var app = await BotApplication.StartAsync();
        var activity = Broken(app, defect);

        var response = await app.PostAsync(activity);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        app.Connector.Requests.ShouldBeEmpty();
        (await app.QueryAsync(db => db.People.CountAsync())).ShouldBe(0);
        (await app.QueryAsync(db => db.ProcessedActivities.CountAsync())).ShouldBe(0);
    }

    private static Activity Broken(BotApplication app, string defect)
    {
        var activity = app.Teams.Message("help");
        switch (defect)
        {
            case "no conversation": activity.Conversation = null; break;
            case "empty conversation id": activity.Conversation!.Id = ""; break;
            case "no from": activity.From = null; break;
            case "empty from id": activity.From = new ChannelAccount { Id = " " }; break;
            case "no tenant":
                activity.ChannelData = null;
                activity.Conversation!.TenantId = null;
                break;
            case "no service url": activity.ServiceUrl = null; break;
            case "relative service url": activity.ServiceUrl = "/v3/conversations"; break;
            case "http service url of another machine": activity.ServiceUrl = "http://smba.trafficmanager.net/emea/"; break;
            case "https service url of an unknown host": activity.ServiceUrl = "https://connector.evil.example/"; break;
            case "a message from the bot itself": activity.From = activity.Recipient; break;
            case "a button press from the bot itself":
                activity = app.Teams.Execute(BotVerbs.SetLanguage, new { language = "en" }, "card-1");
                activity.From = activity.Recipient;
                break;
            case "a null member added":
                activity = app.Teams.MembersAddedToTeam(TeamsActivities.Colleague);
                activity.MembersAdded!.Add(null!);
                break;
            case "a member added without an id": activity = app.Teams.MembersAddedToTeam(new ChannelAccount { Id = "" }); break;
            case "a null member removed":
                activity = app.Teams.MembersRemovedFromTeam(TeamsActivities.Colleague);
                activity.MembersRemoved!.Insert(0, null!);
                break;
            case "a member removed without an id": activity = app.Teams.MembersRemovedFromTeam(new ChannelAccount { Id = " " }); break;
            case "a tenant id with a NUL": activity.ChannelData!.Tenant = new TenantInfo { Id = activity.TenantId + "\0" }; break;
            case "a from.id with an escape character": activity.From = new ChannelAccount { Id = activity.From!.Id + "\u001b" }; break;
            case "a member added whose id has a bell": activity = app.Teams.MembersAddedToTeam(new ChannelAccount { Id = "29:x\u0007" }); break;
            case "a tenant id of 65 characters": activity.ChannelData!.Tenant = new TenantInfo { Id = new string('t', 65) }; break;
            case "a from.id of 257 characters": activity.From = new ChannelAccount { Id = "29:" + new string('f', 254) }; break;
            case "an aadObjectId of 65 characters": activity.From = new ChannelAccount { Id = activity.From!.Id, AadObjectId = new string('a', 65) }; break;
            case "a conversation id of 513 characters": activity.Conversation!.Id = new string('c', 513); break;
            case "a team id of 513 characters":
                activity = app.Teams.ChannelMention("help");
                activity.ChannelData!.Team!.Id = new string('t', 513);
                break;
            case "a channel id of 513 characters":
                activity = app.Teams.ChannelMention("help");
                activity.ChannelData!.Channel!.Id = new string('c', 513);
                break;
            case "a service url of 513 characters": activity.ServiceUrl += new string('s', 513 - activity.ServiceUrl!.Length); break;
            default: throw new ArgumentOutOfRangeException(nameof(defect), defect, null);
        }
        return activity;
    }
}
