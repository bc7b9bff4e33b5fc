using CommunityBot.CheckIns;
using CommunityBot.Demo;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.Agreements.AgreementWorld;
using static CommunityBot.Tests.TeamsActivities;

namespace CommunityBot.Tests.Demo;

/// <summary>The demo's check-ins as the playground user plays them: the coach's result and a teacher's trend and answer.</summary>
public sealed class DemoCheckInTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private static string LastIn(BotApplication app, Teams.Schema.ChannelAccount who) =>
        Readable(app.Connector.ActivitiesIn(PersonalChatOf(who)).Values.Last(a => a.Attachments is { Count: > 0 }).Attachments![0].Content!.Value.GetRawText());

    [Fact]
    public async Task The_coach_sees_the_last_result_and_Megan_sees_her_trend_and_answers_the_open_check_in()
    {
        await using var app = await BotApplication.StartAsync(s =>
        {
            s["Demo:Enabled"] = "true";
            s["Demo:TenantId"] = TenantId;
        });
        var alex = new Teams.Schema.ChannelAccount { Id = DemoCommunity.CoachTeamsUserId, Name = "Alex Wilber", AadObjectId = DemoPeople.All[0].AadObjectId };
        var rounds = await app.QueryAsync(db => db.CheckIns.OrderBy(c => c.OpensAt).ToListAsync());
        rounds.Select(r => r.State).ShouldBe([CheckInState.Closed, CheckInState.Closed, CheckInState.Open]);
        (await app.QueryAsync(db => db.CheckInResponses.CountAsync(r => r.CheckInId == rounds[1].Id))).ShouldBe(4);

        await app.PostAsync(app.Teams.Message("check-in resultaten", alex));
        await app.Connector.WaitUntilAsync(() => app.Connector.ActivitiesIn(PersonalChatOf(alex)).Values.Any(a => a.Attachments is { Count: > 0 }), Timeout);
        var result = LastIn(app, alex);
        result.ShouldContain("Resultaat check-in Wiskunde eerste graad");
        result.ShouldContain("Respons: 100");
        result.ShouldContain("2,8 (+0,5 sinds vorige keer)");
        result.ShouldContain("Laagste thema: Psychologische veiligheid");
        result.ShouldContain("De vorige sessie gaf me veel ideeën");

        await app.PostAsync(app.Teams.Message("act as Megan", alex));
        await app.PostAsync(app.Teams.Message("mijn check-ins", alex));
        await app.Connector.WaitUntilAsync(() => LastIn(app, alex).Contains("Mijn check-ins", StringComparison.Ordinal), Timeout);
        LastIn(app, alex).ShouldContain("Chart.Line");

        var open = rounds[2];
        var thanks = CardJson(await app.InvokeAsync(app.Teams.Execute(CheckInVerbs.Answer, CheckIns.CheckInWorld.Form(app, open.Id, open.CommunityId, 4), "card-1", alex)));
        thanks.ShouldContain("Bedankt voor je check-in bij Wiskunde eerste graad");
        thanks.ShouldContain("Vorige check-in");
        (await app.QueryAsync(db => db.CheckInResponses.CountAsync(r => r.CheckInId == open.Id))).ShouldBe(1);
    }
}
