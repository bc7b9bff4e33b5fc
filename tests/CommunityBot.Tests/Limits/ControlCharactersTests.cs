using CommunityBot.Agreements;
using CommunityBot.Limits;
using CommunityBot.Sessions;
using CommunityBot.Teams.Schema;
using CommunityBot.Tests.Agreements;
using CommunityBot.Tests.CheckIns;
using CommunityBot.Tests.Delivery;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.Agreements.AgreementWorld;

namespace CommunityBot.Tests.Limits;

/// <summary>NUL and the other control characters never reach the database, on either provider; the people who typed them notice nothing.</summary>
public sealed class ControlCharactersTests(PostgresServer postgres)
{
    [Theory]
    [InlineData("a\0b", "ab")]
    [InlineData("bel\u0007 esc\u001b del\u007f c1\u0085\u009f", "bel esc del c1")]
    [InlineData("lines\r\nand\ttabs stay", "lines\r\nand\ttabs stay")]
    [InlineData("a pair 😀 stays", "a pair 😀 stays")]
    [InlineData("", "")]
    public void Stored_text_keeps_everything_but_control_characters_and_lone_surrogates(string typed, string stored) =>
        ControlCharacters.Remove(typed).ShouldBe(stored);

    [Fact]
    public void Lone_surrogate_halves_go_and_pairs_stay()
    {
        // Built here: attribute arguments cannot carry a lone surrogate.
        ControlCharacters.Remove("lone " + '\ud800' + "high and " + '\udc00' + "low " + "\ud83d\ude00").ShouldBe("lone high and low 😀");
    }

    [Fact]
    public void A_name_is_one_line()
    {
        ControlCharacters.RemoveFromName("Megan\r\n\tBowen\0").ShouldBe("Megan   Bowen");
        ControlCharacters.RemoveFromName(null).ShouldBeNull();
        var clean = "Megan Bowen";
        ControlCharacters.Remove(clean).ShouldBeSameAs(clean);
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task A_NUL_in_an_agreement_a_help_comment_a_location_a_check_in_comment_or_a_Teams_name_is_left_out_and_nothing_fails(string provider)
    {
        var connectionString = provider == "PostgreSql" ? await postgres.DatabaseAsync($"controls_{Guid.NewGuid():N}") : null;
        await using var app = await BotApplication.StartAsync(s =>
        {
            if (connectionString is not null)
            {
                s["Storage:Provider"] = "PostgreSql";
                s["Storage:ConnectionString"] = connectionString;
            }
        });
        var world = await AgreementWorld.CreateAsync(app);

        await world.RecordViaCardAsync("Finish", "Toets\0 hoofdstuk\u0007 4\u0085 nakijken", $"{world.Id(Megan)}");
        var agreement = await app.QueryAsync(db => db.Agreements.SingleAsync());
        await app.InvokeAsync(app.Teams.Execute(AgreementVerbs.Answer, new Dictionary<string, object?>
        {
            ["agreementId"] = agreement.Id,
            ["answer"] = AgreementAnswers.NeedHelp,
            ["view"] = AgreementCardViews.Reminder,
            [ReminderCard.CommentInputId(agreement.Id)] = "Welk\0 hoofdstuk?\nDank",
        }, "reminder-1", Megan));
        await app.InvokeAsync(app.Teams.Execute(
            SessionVerbs.Plan, new { communityId = world.CommunityId, save = true, date = "2026-03-18", time = "15:30", location = "Aula\0 B" }, "card-plan", Coach));
        var checkIn = await CheckInWorld.OpenAsync(app, world.CommunityId);
        await CheckInWorld.AnswerAsync(app, CheckInWorld.Form(app, checkIn, world.CommunityId, 4, "Meer\0 tijd\u001b samen"), Megan);
        var newcomer = new ChannelAccount { Id = "29:newcomer", Name = "Nieuwe\0 Collega", AadObjectId = "aad-newcomer" };
        var first = await app.PostAsync(app.Teams.Message("help", newcomer));
        var second = await app.PostAsync(app.Teams.Message("help", newcomer));

        agreement.Text.ShouldBe("Toets hoofdstuk 4 nakijken");
        (await app.QueryAsync(db => db.AgreementChanges.Where(c => c.Comment != null).Select(c => c.Comment).ToListAsync())).ShouldBe(["Welk hoofdstuk?\nDank"]);
        (await app.QueryAsync(db => db.Sessions.CountAsync(s => s.Location == "Aula B"))).ShouldBe(1);
        (await app.QueryAsync(db => db.CheckInResponses.SingleAsync())).Comment.ShouldBe("Meer tijd samen");
        first.IsSuccessStatusCode.ShouldBeTrue();
        second.IsSuccessStatusCode.ShouldBeTrue();
        (await app.QueryAsync(db => db.People.SingleAsync(p => p.TeamsUserId == newcomer.Id))).DisplayName.ShouldBe("Nieuwe Collega");
        var replies = app.Connector.ActivitiesIn(TeamsActivities.PersonalChatOf(newcomer));
        replies.Count.ShouldBeGreaterThanOrEqualTo(2);
    }
}
