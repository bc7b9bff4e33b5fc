using System.Net;
using CommunityBot.Agreements;
using CommunityBot.Communities;
using CommunityBot.Communities.Participation;
using CommunityBot.Communities.Roles;
using CommunityBot.Teams.Schema;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.Agreements.AgreementWorld;

namespace CommunityBot.Tests.Agreements;

/// <summary>Edges of the follow-through found in review: leaving, role changes, edits, regrets, foreign digits, group chats.</summary>
public sealed class FollowThroughEdgeTests
{
    [Fact]
    public async Task When_the_last_owner_still_to_do_leaves_the_agreement_becomes_done()
    {
        await using var app = await BotApplication.StartAsync();
        var world = await CreateAsync(app);
        await world.RecordViaCardAsync("Finish", "Lesvoorbereiding H3 afwerken", $"{world.Id(Megan)},{world.Id(Adele)}");
        var id = await app.QueryAsync(db => db.Agreements.Select(a => a.Id).SingleAsync());
        await app.InvokeAsync(app.Teams.Execute(AgreementVerbs.Answer, new AnswerData(id, AgreementAnswers.Done, AgreementCardViews.Reminder), "card-1", Adele));

        await app.InvokeAsync(app.Teams.Execute(ParticipationVerbs.ConfirmLeave, new CommunityCardData(world.CommunityId), "card-2", Megan));

        // Only Adele owns it now, and she is done.
        (await app.QueryAsync(db => db.Set<AgreementOwner>().Where(o => o.AgreementId == id).Select(o => o.Status).ToListAsync())).ShouldBe([AgreementStatus.Done]);
        (await app.QueryAsync(db => db.Agreements.SingleAsync(a => a.Id == id))).Status.ShouldBe(AgreementStatus.Done);
    }

    [Theory]
    [InlineData("١٢/٣")]
    [InlineData("１２/３")]
    public void A_due_date_in_other_digits_is_no_date_rather_than_a_crash(string typed) =>
        Should.NotThrow(() => ShorthandDue.Parse(typed));

    [Fact]
    public void A_pause_date_in_other_digits_is_not_understood_rather_than_a_crash() =>
        Should.NotThrow(() => PauseRequest.TryParse("tot ١٥/٣", new DateOnly(2026, 3, 1), out _));

    [Fact]
    public async Task A_shorthand_with_a_due_date_in_other_digits_does_not_fail_the_turn()
    {
        await using var app = await BotApplication.StartAsync();
        var world = await CreateAsync(app);
        var response = await app.PostAsync(app.Teams.Message("afspraak afwerken @Megan tegen ١٢/٣: H3 afwerken", Coach, "nl-BE"));
        response.StatusCode.ShouldNotBe(HttpStatusCode.InternalServerError);
    }

    [Fact]
    public async Task Open_agreements_asked_in_a_group_chat_do_not_show_help_requests_there()
    {
        await using var app = await BotApplication.StartAsync();
        var world = await CreateAsync(app);
        await world.RecordViaCardAsync("Finish", "Lesvoorbereiding H3 afwerken", $"{world.Id(Megan)}");
        var id = await app.QueryAsync(db => db.Agreements.Select(a => a.Id).SingleAsync());
        await app.InvokeAsync(app.Teams.Execute(AgreementVerbs.Answer, new AnswerData(id, AgreementAnswers.NeedHelp, AgreementCardViews.Reminder), "card-1", Megan));

        var message = app.Teams.Message("open afspraken", Coach);
        message.Conversation = new CommunityBot.Teams.Schema.ConversationAccount
        {
            Id = "19:groupchat-1@thread.v2", ConversationType = CommunityBot.Teams.Schema.ConversationTypes.GroupChat, IsGroup = true, TenantId = message.Conversation!.TenantId,
        };
        await app.PostAsync(message);

        var inGroupChat = app.Connector.SentActivities.Where(a => a.ConversationId == "19:groupchat-1@thread.v2" && a.Activity is not null)
            .Select(a => (a.Activity!.Text ?? "") + string.Join("", (a.Activity!.Attachments ?? []).Select(x => Readable(x.Content!.Value.GetRawText())))).ToList();
        inGroupChat.ShouldNotBeEmpty();
        inGroupChat.ShouldAllBe(t => !t.Contains("Hulp gevraagd") && !t.Contains("Megan"));
    }

    private static Activity EditPress(CommunityBot.Tests.Agreements.AgreementWorld world, long agreementId, string owners) =>
        world.App.Teams.Execute(CloseLoopVerbs.Edit, new Dictionary<string, object?>
        {
            ["agreementId"] = agreementId,
            ["text"] = "Lesvoorbereiding H3 afwerken",
            ["owners"] = owners,
            ["dependants"] = "",
            ["due"] = world.NextSessionId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, "card-edit", Coach);

    [Fact]
    public async Task An_owner_removed_and_added_back_by_the_coach_gets_reminders_again()
    {
        await using var app = await BotApplication.StartAsync();
        var world = await CreateAsync(app);
        await world.RecordViaCardAsync("Finish", "Lesvoorbereiding H3 afwerken", $"{world.Id(Megan)},{world.Id(Adele)}");
        var id = await app.QueryAsync(db => db.Agreements.Select(a => a.Id).SingleAsync());

        await app.InvokeAsync(EditPress(world, id, $"{world.Id(Megan)}"));
        await app.InvokeAsync(EditPress(world, id, $"{world.Id(Megan)},{world.Id(Adele)}"));

        (await app.QueryAsync(db => db.Set<AgreementOwner>().AnyAsync(o => o.AgreementId == id && o.PersonId == world.Id(Adele)))).ShouldBeTrue();
        (await app.QueryAsync(db => db.ReminderPlans.CountAsync(r => r.PersonId == world.Id(Adele) && r.State == ReminderState.Planned))).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task When_the_last_member_still_to_do_becomes_leader_the_whole_group_agreement_becomes_done()
    {
        await using var app = await BotApplication.StartAsync();
        var world = await CreateAsync(app);
        await world.RecordViaCardAsync("Review", "Artikel Hattie lezen", "all");
        var id = await app.QueryAsync(db => db.Agreements.Select(a => a.Id).SingleAsync());
        foreach (var member in new[] { Adele, Tom })
        {
            await app.InvokeAsync(app.Teams.Execute(AgreementVerbs.Answer, new AnswerData(id, AgreementAnswers.Done, AgreementCardViews.Reminder), "card-1", member));
        }

        await app.InvokeAsync(app.Teams.Execute(CommunityVerbs.ChangeRole, new Dictionary<string, object?>
        {
            ["communityId"] = world.CommunityId, ["person"] = world.Id(Megan).ToString(System.Globalization.CultureInfo.InvariantCulture), ["role"] = "Leader",
        }, "card-roles", Coach));

        (await app.QueryAsync(db => db.Set<AgreementOwner>().Where(o => o.AgreementId == id).Select(o => o.Status).ToListAsync())).ShouldAllBe(s => s == AgreementStatus.Done);
        (await app.QueryAsync(db => db.Agreements.SingleAsync(a => a.Id == id))).Status.ShouldBe(AgreementStatus.Done);
    }

    [Fact]
    public async Task Regrets_sent_on_the_reminder_keep_the_owners_own_answer_and_give_no_buttons_back()
    {
        await using var app = await BotApplication.StartAsync();
        var world = await CreateAsync(app);
        await world.RecordViaCardAsync("Finish", "Lesvoorbereiding H3 afwerken", $"{world.Id(Megan)},{world.Id(Adele)}");
        var id = await app.QueryAsync(db => db.Agreements.Select(a => a.Id).SingleAsync());
        var done = CardJson(await app.InvokeAsync(app.Teams.Execute(AgreementVerbs.Answer, new AnswerData(id, AgreementAnswers.Done, AgreementCardViews.Reminder), "card-1", Megan)));
        done.ShouldNotContain(AgreementVerbs.Answer);

        var card = CardJson(await app.InvokeAsync(app.Teams.Execute(CommunityBot.SessionAttendance.AttendanceVerbs.SendRegrets,
            new CommunityBot.SessionAttendance.RegretData(world.NextSessionId, CommunityBot.SessionAttendance.RegretCardViews.Reminder, id), "card-1", Megan)));

        card.ShouldNotContain(AgreementVerbs.Answer, customMessage: "Megan is done: no answer buttons");
        card.ShouldContain("Jouw stand van zaken");
    }

    [Fact]
    public async Task An_agreement_a_leader_depends_on_can_still_be_edited()
    {
        await using var app = await BotApplication.StartAsync();
        var world = await CreateAsync(app);
        await app.QueryAsync(db => db.Memberships.Where(m => m.PersonId == world.Id(Tom)).ExecuteUpdateAsync(set => set.SetProperty(m => m.Role, CommunityRole.Leader)));
        await world.RecordViaCardAsync("Provide", "Planning delen", $"{world.Id(Megan)}", $"{world.Id(Tom)}");
        var id = await app.QueryAsync(db => db.Agreements.Select(a => a.Id).SingleAsync());

        var response = await app.InvokeAsync(world.App.Teams.Execute(CloseLoopVerbs.Edit, new Dictionary<string, object?>
        {
            ["agreementId"] = id, ["text"] = "Planning delen met de directie", ["owners"] = $"{world.Id(Megan)}",
            ["dependants"] = $"{world.Id(Tom)}", ["due"] = world.NextSessionId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, "card-edit", Coach));

        (await app.QueryAsync(db => db.Agreements.SingleAsync(a => a.Id == id))).Text.ShouldBe("Planning delen met de directie");
    }
}
