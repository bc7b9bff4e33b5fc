using CommunityBot.Delivery;
using CommunityBot.Demo;
using CommunityBot.Digests;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.TeamsActivities;

namespace CommunityBot.Tests.Demo;

/// <summary>The demo's leader, coach-the-coach and coach each see their digest with <c>digest nu</c>, played with <c>act as</c>.</summary>
public sealed class DemoDigestTests
{
    private static readonly Teams.Schema.ChannelAccount Alex = new() { Id = DemoCommunity.CoachTeamsUserId, Name = "Alex Wilber", AadObjectId = DemoPeople.All[0].AadObjectId };

    private static async Task<(string? Text, string Card)> DigestAsAsync(BotApplication app, string who)
    {
        await app.PostAsync(app.Teams.Message($"act as {who}", Alex));
        await app.PostAsync(app.Teams.Message("digest nu", Alex));
        var reply = app.Connector.SentActivities.Last(a => a.ConversationId == PersonalChatOf(Alex)).Activity!;
        // Who the card is for is its first line, never a text bubble beside it.
        reply.Text.ShouldBeNull();
        var card = reply.Attachments.ShouldNotBeNull().ShouldHaveSingleItem().Content!.Value;
        var first = card.GetProperty("body")[0];
        return (first.TryGetProperty("text", out var note) ? note.GetString() : null, card.GetRawText());
    }

    [Fact]
    public async Task Lynne_Nestor_and_Alex_each_see_the_communities_of_their_digest()
    {
        await using var app = await BotApplication.StartAsync(s =>
        {
            s["Demo:Enabled"] = "true";
            s["Demo:TenantId"] = TenantId;
        });

        var (lynneNote, lynne) = await DigestAsAsync(app, "Lynne");
        var (nestorNote, nestor) = await DigestAsAsync(app, "Nestor");
        var (_, alex) = await DigestAsAsync(app, "me");

        lynneNote.ShouldNotBeNull().ShouldContain("Lynne Robbins");
        lynne.ShouldContain(DemoCommunity.Name);
        lynne.ShouldContain(DemoNeighbours.CommunityName);
        nestorNote.ShouldNotBeNull().ShouldContain(DemoNeighbours.CoachTheCoachName);
        nestor.ShouldContain(DemoCommunity.Name);
        nestor.ShouldContain(DemoNeighbours.CommunityName);
        alex.ShouldContain(DemoCommunity.Name);
        alex.ShouldNotContain(DemoNeighbours.CommunityName);
    }

    [Fact]
    public async Task Running_the_sweeps_now_on_a_Monday_morning_makes_this_weeks_digests_of_the_demo()
    {
        await using var app = await BotApplication.StartAsync(s =>
        {
            s["Demo:Enabled"] = "true";
            s["Demo:TenantId"] = TenantId;
        });

        await app.PostAsync(app.Teams.Message("herinneringen nu", Alex));

        var names = await app.QueryAsync(db => db.Set<OutboxMessage>().Where(m => m.Purpose == DigestSweep.Purpose)
            .Join(db.People, m => m.PersonId, p => (long?)p.Id, (m, p) => p.DisplayName!).ToListAsync());
        names.Order().ShouldBe(["Alex Wilber", DemoNeighbours.CoachName, "Lynne Robbins", DemoNeighbours.CoachTheCoachName]);
    }
}
