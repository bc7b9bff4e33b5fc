using System.Net;
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
    };

    [Theory]
    [MemberData(nameof(Defects))]
    public async Task An_activity_lacking_what_features_rely_on_gets_400_and_changes_nothing(string defect)
    {
        await using var app = await BotApplication.StartAsync();
        var activity = app.Teams.Message("help");
        Break(activity, defect);

        var response = await app.PostAsync(activity);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        app.Connector.Requests.ShouldBeEmpty();
        (await app.QueryAsync(db => db.People.CountAsync())).ShouldBe(0);
        (await app.QueryAsync(db => db.ProcessedActivities.CountAsync())).ShouldBe(0);
    }

    private static void Break(Activity activity, string defect)
    {
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
            default: throw new ArgumentOutOfRangeException(nameof(defect), defect, null);
        }
    }
}
