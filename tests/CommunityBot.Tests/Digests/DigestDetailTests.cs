using CommunityBot.Communities;
using CommunityBot.Delivery;
using CommunityBot.Digests;
using CommunityBot.People;
using CommunityBot.Teams.Schema;
using CommunityBot.Tests.Agreements;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.Agreements.AgreementWorld;

namespace CommunityBot.Tests.Digests;

/// <summary>
/// "Meer details" under a community of the digest (or the community chosen under "Meer details over…"), through the real host: the person's digest of that week is computed
/// again and the community's full section arrives as a card of its own in their 1:1 chat, or not at all.
/// </summary>
public sealed class DigestDetailTests
{
    private static readonly ChannelAccount Lynne = new() { Id = "29:lynne", Name = "Lynne Robbins", AadObjectId = "aad-lynne" };

    /// <summary>The Monday of the host's clock (2 March 2026): the digest of that week has been sent.</summary>
    private static readonly DateOnly Monday = new(2026, 3, 2);

    private const string Refusal = "Over deze gemeenschap kan ik je geen details geven: ze hoort niet bij jouw weekoverzicht.";

    /// <summary>The agreement world with Lynne as the community's leader, and a community of another tenant.</summary>
    private static async Task<(AgreementWorld World, long OtherTenantCommunity)> CreateAsync(BotApplication app)
    {
        var world = await AgreementWorld.CreateAsync(app);
        var other = await app.QueryAsync(async db =>
        {
            var now = app.Clock.GetUtcNow();
            var lynne = new Person { TenantId = TeamsActivities.TenantId, TeamsUserId = Lynne.Id, AadObjectId = Lynne.AadObjectId, DisplayName = Lynne.Name, FirstSeenAt = now };
            db.People.Add(lynne);
            await db.SaveChangesAsync();
            db.Memberships.Add(new Membership { CommunityId = world.CommunityId, PersonId = lynne.Id, Role = CommunityRole.Leader, JoinedAt = now });
            db.Communities.Add(new Community { TenantId = "other-tenant", Name = "Geheime gemeenschap", CreatedAt = now });
            await db.SaveChangesAsync();
            await db.Communities.Where(c => c.Id == world.CommunityId).ExecuteUpdateAsync(c => c.SetProperty(x => x.Theme, "Evalueren met rubrics"));
            return await db.Communities.Where(c => c.TenantId == "other-tenant").Select(c => c.Id).SingleAsync();
        });
        return (world, other);
    }

    private static object Data(long communityId, DateOnly monday) => new { communityId, monday = Day(monday) };

    /// <summary>The one "Meer details over…" button of a digest of many communities, with the choice's value as Teams merges it in.</summary>
    private static object Picked(string detailCommunity, DateOnly monday) => new { monday = Day(monday), detailCommunity };

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static List<string> CardsIn(BotApplication app, string conversationId) =>
        [.. app.Connector.SentActivities
            .Where(a => a.ConversationId == conversationId && a.Activity?.Attachments is { Count: > 0 })
            .Select(a => Readable(a.Activity!.Attachments![0].Content!.Value.GetRawText()))];

    [Theory]
    [InlineData("nl-BE", "Hier zijn de details.", "Details: Wiskunde eerste graad", "Fase 2 · Leraren motiveren tot opstart")]
    [InlineData("en-US", "Here is the detail.", "Detail: Wiskunde eerste graad", "Phase 2 · Teachers motivated to start")]
    public async Task A_leader_who_presses_more_detail_in_the_personal_chat_gets_the_community_as_a_new_card_there(
        string locale, string answer, string title, string phase)
    {
        await using var app = await BotApplication.StartAsync();
        var (world, _) = await CreateAsync(app);

        var response = await app.InvokeAsync(app.Teams.Execute(DigestVerbs.Detail, Data(world.CommunityId, Monday), "digest-1", Lynne, locale));

        MessageText(response).ShouldBe(answer);
        var card = CardsIn(app, TeamsActivities.PersonalChatOf(Lynne)).ShouldHaveSingleItem();
        card.ShouldContain(title);
        card.ShouldContain("Evalueren met rubrics");
        card.ShouldContain(phase);
        (await world.OutboxAsync()).ShouldNotContain(m => m.Purpose == "digest-detail");
    }

    [Theory]
    [InlineData("nl-BE", "Hier zijn de details.", "Details: Wiskunde eerste graad")]
    [InlineData("en-US", "Here is the detail.", "Detail: Wiskunde eerste graad")]
    public async Task A_leader_who_chooses_a_community_under_more_detail_about_gets_that_community(string locale, string answer, string title)
    {
        await using var app = await BotApplication.StartAsync();
        var (world, _) = await CreateAsync(app);

        var response = await app.InvokeAsync(app.Teams.Execute(DigestVerbs.Detail, Picked(world.CommunityId.ToString(System.Globalization.CultureInfo.InvariantCulture), Monday), "digest-1", Lynne, locale));

        MessageText(response).ShouldBe(answer);
        CardsIn(app, TeamsActivities.PersonalChatOf(Lynne)).ShouldHaveSingleItem().ShouldContain(title);
    }

    [Fact]
    public async Task Pressed_in_a_channel_the_detail_goes_through_the_outbox_to_the_leaders_own_chat_and_not_to_the_channel()
    {
        await using var app = await BotApplication.StartAsync();
        var (world, _) = await CreateAsync(app);
        var press = app.Teams.Execute(DigestVerbs.Detail, Data(world.CommunityId, Monday), "digest-1", Lynne);
        press.Conversation = new ConversationAccount { Id = TeamsActivities.TeamId, ConversationType = ConversationTypes.Channel, IsGroup = true, TenantId = TeamsActivities.TenantId };
        press.ChannelData = new TeamsChannelData { Tenant = new TenantInfo { Id = TeamsActivities.TenantId }, Team = new TeamInfo { Id = TeamsActivities.TeamId }, Channel = new ChannelInfo { Id = TeamsActivities.TeamId } };

        var response = await app.InvokeAsync(press);
        // Teams redelivers the same press: still one card.
        await app.PostAsync(press);
        await app.DeliveryIdleAsync();

        MessageText(response).ShouldBe("De details staan zo in je persoonlijke chat met de bot.");
        var sent = (await world.OutboxAsync()).Where(m => m.Purpose == "digest-detail").ShouldHaveSingleItem();
        sent.PersonId.ShouldBe(await app.QueryAsync(db => db.People.Where(p => p.TeamsUserId == Lynne.Id).Select(p => p.Id).SingleAsync()));
        sent.State.ShouldBe(OutboxState.Sent);
        CardsIn(app, TeamsActivities.TeamId).ShouldBeEmpty();
        app.Connector.SentActivities.Where(a => a.Activity?.Attachments is { Count: > 0 } && a.ConversationId != TeamsActivities.TeamId)
            .Select(a => Readable(a.Activity!.Attachments![0].Content!.Value.GetRawText()))
            .ShouldHaveSingleItem().ShouldContain("Details: Wiskunde eerste graad");
    }

    [Fact]
    public async Task A_member_a_forged_id_another_tenants_community_or_a_week_without_a_digest_get_the_same_refusal_and_nothing_else()
    {
        await using var app = await BotApplication.StartAsync();
        var (world, otherTenant) = await CreateAsync(app);
        // Their first words record their personal chats, so what follows can be compared row for row.
        await app.PostAsync(app.Teams.Message("help", Lynne));
        await app.PostAsync(app.Teams.Message("help", Megan));
        var before = await DatabaseSnapshot.TakeAsync(app, ["ProcessedActivities"]);
        var sentBefore = app.Connector.SentActivities.Count;

        var presses = new[]
        {
            app.Teams.Execute(DigestVerbs.Detail, Data(world.CommunityId, Monday), "digest-1", Megan),
            app.Teams.Execute(DigestVerbs.Detail, Data(999_999, Monday), "digest-1", Lynne),
            app.Teams.Execute(DigestVerbs.Detail, Data(otherTenant, Monday), "digest-1", Lynne),
            app.Teams.Execute(DigestVerbs.Detail, Data(world.CommunityId, Monday.AddDays(7)), "digest-1", Lynne),
            app.Teams.Execute(DigestVerbs.Detail, Data(world.CommunityId, Monday.AddDays(-2)), "digest-1", Lynne),
            // The choice's value, forged or empty (nothing chosen).
            app.Teams.Execute(DigestVerbs.Detail, Picked(otherTenant.ToString(System.Globalization.CultureInfo.InvariantCulture), Monday), "digest-1", Lynne),
            app.Teams.Execute(DigestVerbs.Detail, Picked("999999", Monday), "digest-1", Lynne),
            app.Teams.Execute(DigestVerbs.Detail, Picked($"{world.CommunityId},{otherTenant}", Monday), "digest-1", Lynne),
            app.Teams.Execute(DigestVerbs.Detail, Picked("-1", Monday), "digest-1", Lynne),
            app.Teams.Execute(DigestVerbs.Detail, Picked("", Monday), "digest-1", Lynne),
            app.Teams.Execute(DigestVerbs.Detail, new { monday = Day(Monday) }, "digest-1", Lynne),
            app.Teams.Execute(DigestVerbs.Detail, Picked(world.CommunityId.ToString(System.Globalization.CultureInfo.InvariantCulture), Monday), "digest-1", Megan),
        };

        foreach (var press in presses)
        {
            MessageText(await app.InvokeAsync(press)).ShouldBe(Refusal);
        }
        app.Connector.SentActivities.Count.ShouldBe(sentBefore);
        (await DatabaseSnapshot.TakeAsync(app, ["ProcessedActivities"])).ShouldBe(before);
        // In English too (a Teams client in English also records that as the person's language, so it comes last).
        MessageText(await app.InvokeAsync(app.Teams.Execute(DigestVerbs.Detail, Data(999_999, Monday), "digest-1", Lynne, "en-US")))
            .ShouldBe("I can't give you detail about this community: it is not part of your weekly digest.");
        app.Connector.SentActivities.Count.ShouldBe(sentBefore);
    }
}
