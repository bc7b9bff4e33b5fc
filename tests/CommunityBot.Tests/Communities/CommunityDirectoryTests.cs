using CommunityBot.Tests.Agreements;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.Agreements.AgreementWorld;

namespace CommunityBot.Tests.Communities;

/// <summary>Sessions and agreements ask one directory who runs a community, so they allow the same people.</summary>
public sealed class CommunityDirectoryTests
{
    [Fact]
    public async Task A_tenant_admin_outside_the_community_may_plan_a_session_and_record_agreements_alike()
    {
        await using var app = await BotApplication.StartAsync();
        var world = await CreateAsync(app);
        await MakeAdminAsync(app, Outsider);

        await app.PostAsync(app.Teams.Message("sessie plannen", Outsider));
        await app.PostAsync(app.Teams.Message("afspraken noteren", Outsider));
        await app.PostAsync(app.Teams.Message("afspraak bespreken @iedereen: Artikel Hattie lezen", Outsider));

        var replies = await RepliesAsync(app, 3);
        replies[0].Card.ShouldNotBeNull();
        replies[1].Card.ShouldNotBeNull();
        replies[2].Text.ShouldNotBeNull().ShouldStartWith("Genoteerd");
        (await app.QueryAsync(db => db.Agreements.SingleAsync())).CommunityId.ShouldBe(world.CommunityId);
    }

    [Fact]
    public async Task A_member_who_does_not_run_the_community_may_neither_plan_sessions_nor_record_agreements()
    {
        await using var app = await BotApplication.StartAsync();
        await CreateAsync(app);

        await app.PostAsync(app.Teams.Message("sessie plannen", Megan));
        await app.PostAsync(app.Teams.Message("afspraak bespreken @iedereen: Artikel Hattie lezen", Megan));

        var replies = await RepliesAsync(app, 2, Megan);
        replies.ShouldAllBe(r => r.Card == null);
        (await app.QueryAsync(db => db.Agreements.CountAsync())).ShouldBe(0);
    }

    private static Task MakeAdminAsync(BotApplication app, CommunityBot.Teams.Schema.ChannelAccount account) =>
        app.QueryAsync(db => db.People.Where(p => p.TeamsUserId == account.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.IsTenantAdmin, true)));

    private static async Task<List<(string? Text, object? Card)>> RepliesAsync(BotApplication app, int count, CommunityBot.Teams.Schema.ChannelAccount? to = null)
    {
        var chat = TeamsActivities.PersonalChatOf(to ?? Outsider);
        List<(string? Text, object? Card)> Replies() => [.. app.Connector.SentActivities
            .Where(r => r.ConversationId == chat && r.Activity is not null)
            .Select(r => (r.Activity!.Text, (object?)r.Activity.Attachments?.FirstOrDefault()?.Content))];
        await app.Connector.WaitUntilAsync(() => Replies().Count >= count, TimeSpan.FromSeconds(10));
        return Replies();
    }
}
