using CommunityBot.Agreements;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.Agreements.AgreementWorld;

namespace CommunityBot.Tests.Agreements;

public sealed class RecordingTests
{
    [Fact]
    public async Task Coach_records_agreements_via_the_card_and_the_channel_gets_one_summary_updated_in_place()
    {
        await using var app = await BotApplication.StartAsync();
        var world = await CreateAsync(app);

        await app.PostAsync(app.Teams.Message("afspraken noteren", Coach));
        await app.Connector.WaitForActivitiesAsync(1, TimeSpan.FromSeconds(10));
        world.LastReplyCard().ShouldContain("Afspraken noteren – Wiskunde eerste graad");

        var first = await world.RecordViaCardAsync("Finish", "Lesvoorbereiding H3 afwerken", $"{world.Id(Megan)},{world.Id(Adele)}", $"{world.Id(Tom)}");
        CardJson(first).ShouldContain("Genoteerd: Lesvoorbereiding H3 afwerken");
        var second = await world.RecordViaCardAsync("Review", "Artikel Hattie lezen", "all");
        CardJson(second).ShouldContain("Al genoteerd");

        var outbox = await world.OutboxAsync();
        var summaries = outbox.Where(m => m.Purpose == "agreement-summary").ToList();
        summaries.Count.ShouldBe(2);
        summaries.ShouldAllBe(m => m.ConversationRowId == world.ChannelRowId);
        summaries[0].DedupeKey.ShouldBe($"summary:{world.CommunityId}:{world.HeldSessionId}:v1");
        summaries[0].ReplacesDedupeKey.ShouldBeNull();
        summaries[1].ReplacesDedupeKey.ShouldBe(summaries[0].DedupeKey);
        summaries[1].Card!.Value.GetRawText().ShouldContain("Afspraken van de sessie van donderdag 26 februari");
        summaries[1].Card!.Value.GetRawText().ShouldContain("Lesvoorbereiding H3 afwerken");
        summaries[1].Card!.Value.GetRawText().ShouldContain("Adele Vance");
        summaries[1].Card!.Value.GetRawText().ShouldContain("De hele groep");

        var stored = await app.QueryAsync(db => db.Agreements.Include(a => a.Owners).Include(a => a.Dependants).OrderBy(a => a.Id).ToListAsync());
        stored[0].Kind.ShouldBe(AgreementKind.Finish);
        stored[0].DueSessionId.ShouldBe(world.NextSessionId);
        stored[0].Owners.Select(o => o.PersonId).ShouldBe([world.Id(Megan), world.Id(Adele)], ignoreOrder: true);
        stored[0].Dependants.Single().PersonId.ShouldBe(world.Id(Tom));
        stored[1].WholeGroup.ShouldBeTrue();
        stored[1].Owners.Select(o => o.PersonId).ShouldBe([world.Id(Megan), world.Id(Adele), world.Id(Tom)], ignoreOrder: true);
    }

    [Fact]
    public async Task Recording_plans_reminders_7_and_2_days_before_the_next_session_at_16h_on_school_days()
    {
        await using var app = await BotApplication.StartAsync();
        var world = await CreateAsync(app);

        await world.RecordViaCardAsync("Provide", "Oefenbundel delen", $"{world.Id(Megan)}");

        var plans = await app.QueryAsync(db => db.ReminderPlans.ToListAsync());
        plans.Count.ShouldBe(2);
        plans.Single(p => p.OffsetDays == 7).DueAt.ShouldBe(new DateTimeOffset(2026, 3, 16, 15, 0, 0, TimeSpan.Zero));
        plans.Single(p => p.OffsetDays == 2).DueAt.ShouldBe(new DateTimeOffset(2026, 3, 20, 15, 0, 0, TimeSpan.Zero)); // Saturday -> Friday
        plans.ShouldAllBe(p => p.State == ReminderState.Planned && p.PersonId == world.Id(Megan));
    }

    [Fact]
    public async Task A_coach_records_with_the_short_syntax_and_names_resolve_to_members()
    {
        await using var app = await BotApplication.StartAsync();
        var world = await CreateAsync(app);

        await app.PostAsync(app.Teams.Message("afspraak afwerken @Megan @Adele Vance voor @Tom: Lesvoorbereiding H3 afwerken", Coach));
        await app.PostAsync(app.Teams.Message("agreement review @all: Read the Hattie article", Coach));
        var replies = await world.PersonalRepliesAsync(Coach, 2);

        replies.ShouldContain("Genoteerd (Afwerken): Lesvoorbereiding H3 afwerken. Het overzicht in het kanaal is bijgewerkt.");
        var stored = await app.QueryAsync(db => db.Agreements.Include(a => a.Owners).Include(a => a.Dependants).OrderBy(a => a.Id).ToListAsync());
        stored.Count.ShouldBe(2);
        stored[0].Text.ShouldBe("Lesvoorbereiding H3 afwerken");
        stored[0].MadeAtSessionId.ShouldBe(world.HeldSessionId);
        stored[0].Owners.Select(o => o.PersonId).ShouldBe([world.Id(Megan), world.Id(Adele)], ignoreOrder: true);
        stored[0].Dependants.Single().PersonId.ShouldBe(world.Id(Tom));
        stored[1].Kind.ShouldBe(AgreementKind.Review);
        stored[1].WholeGroup.ShouldBeTrue();
    }

    [Fact]
    public async Task The_short_syntax_names_unknown_people_and_explains_itself()
    {
        await using var app = await BotApplication.StartAsync();
        await CreateAsync(app);

        await app.PostAsync(app.Teams.Message("afspraak afwerken @Zoe: iets", Coach));
        await app.PostAsync(app.Teams.Message("afspraak iets zonder dubbelpunt", Coach));
        await app.Connector.WaitForActivitiesAsync(2, TimeSpan.FromSeconds(10));

        app.Connector.SentActivities[0].Activity!.Text!.ShouldContain("@Zoe");
        app.Connector.SentActivities[1].Activity!.Text!.ShouldContain("afspraak afwerken @Megan @Adele");
        (await app.QueryAsync(db => db.Agreements.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task A_member_cannot_record_agreements_by_command_or_by_a_forged_card_press()
    {
        await using var app = await BotApplication.StartAsync();
        var world = await CreateAsync(app);

        await app.PostAsync(app.Teams.Message("afspraken noteren", Megan));
        await app.Connector.WaitForActivitiesAsync(1, TimeSpan.FromSeconds(10));
        world.LastReplyText().ShouldContain("geen coach");

        var forged = await world.RecordViaCardAsync("Finish", "Iets", $"{world.Id(Adele)}", by: Megan);
        MessageText(forged).ShouldContain("Alleen de coach");
        var outsider = await world.RecordViaCardAsync("Finish", "Iets", $"{world.Id(Adele)}", by: Outsider);
        MessageText(outsider).ShouldContain("Alleen de coach");

        (await app.QueryAsync(db => db.Agreements.CountAsync())).ShouldBe(0);
        (await world.OutboxAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_coach_cannot_make_a_non_member_an_owner()
    {
        await using var app = await BotApplication.StartAsync();
        var world = await CreateAsync(app);

        var response = await world.RecordViaCardAsync("Finish", "Iets", $"{world.Id(Outsider)}");

        MessageText(response).ShouldNotBeNullOrEmpty();
        (await app.QueryAsync(db => db.Agreements.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task A_coach_of_two_communities_is_asked_which_one_when_the_short_syntax_fits_both()
    {
        await using var app = await BotApplication.StartAsync();
        var world = await CreateAsync(app);
        await app.QueryAsync(async db =>
        {
            var other = new CommunityBot.Communities.Community
            {
                TenantId = TeamsActivities.TenantId,
                Name = "Frans tweede graad",
                TeamId = "19:other-team",
                CreatedAt = BotApplication.Start,
            };
            db.Communities.Add(other);
            await db.SaveChangesAsync();
            db.Memberships.AddRange(
                new CommunityBot.Communities.Membership { CommunityId = other.Id, PersonId = world.Id(Coach), Role = CommunityBot.Communities.CommunityRole.Coach, JoinedAt = BotApplication.Start },
                new CommunityBot.Communities.Membership { CommunityId = other.Id, PersonId = world.Id(Megan), Role = CommunityBot.Communities.CommunityRole.Member, JoinedAt = BotApplication.Start });
            return await db.SaveChangesAsync();
        });

        await app.PostAsync(app.Teams.Message("afspraak bespreken @iedereen: Artikel Hattie lezen", Coach));
        var question = (await world.PersonalRepliesAsync(Coach, 1))[0];
        await app.PostAsync(app.Teams.Message("afspraak afwerken @Megan: Oefenbundel", Coach));
        var secondQuestion = (await world.PersonalRepliesAsync(Coach, 2))[1];
        (await app.QueryAsync(db => db.Agreements.CountAsync())).ShouldBe(0);

        await app.PostAsync(app.Teams.Message("afspraak afwerken @Adele: Oefenbundel", Coach));
        var confirmation = (await world.PersonalRepliesAsync(Coach, 3))[2];

        question.ShouldContain("Frans tweede graad, Wiskunde eerste graad");
        question.ShouldContain("Welke bedoel je?");
        secondQuestion.ShouldContain("Welke bedoel je?");
        confirmation.ShouldStartWith("Genoteerd (Afwerken): Oefenbundel.");
        (await app.QueryAsync(db => db.Agreements.SingleAsync())).CommunityId.ShouldBe(world.CommunityId);
    }
}
