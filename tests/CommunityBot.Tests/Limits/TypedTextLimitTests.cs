using CommunityBot.Agreements;
using CommunityBot.Communities.Roles;
using CommunityBot.Localization;
using CommunityBot.Teams.Cards;
using CommunityBot.Tests.Agreements;
using CommunityBot.Tests.CheckIns;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.Agreements.AgreementWorld;

namespace CommunityBot.Tests.Limits;

/// <summary>
/// Text typed into a card or a message over its limit gets an answer that says the limit, and nothing changes; a text
/// exactly at the limit is stored whole, never cut.
/// </summary>
public sealed class TypedTextLimitTests
{
    private static string TooLong(Language language, string field, string limit, string typed, bool onCard = true) => language == Language.English
        ? $"Too long for {field}: at most {limit} characters, and you typed {typed}. I saved nothing and changed nothing. "
            + (onCard ? "Please shorten it; what you typed is still on the card." : "Please send the message again, shorter.")
        : $"Te lang voor {field}: hoogstens {limit} tekens, en je typte er {typed}. Ik heb niets bewaard en niets veranderd. "
            + (onCard ? "Maak je tekst korter; hij staat nog op de kaart." : "Stuur het bericht korter opnieuw.");

    private static async Task<AgreementWorld> WorldAsync(BotApplication app, Language language)
    {
        var world = await CreateAsync(app);
        await app.QueryAsync(db => db.People.ExecuteUpdateAsync(set => set.SetProperty(p => p.Language, language).SetProperty(p => p.LanguageChosen, true)));
        return world;
    }

    [Theory]
    [InlineData(Language.Dutch, "een opmerking", "een reden")]
    [InlineData(Language.English, "a comment", "a reason")]
    public async Task An_answer_comment_a_help_reply_and_a_reason_to_drop_over_500_characters_are_refused_and_at_500_kept_whole(
        Language language, string comment, string reason)
    {
        await using var app = await BotApplication.StartAsync();
        var world = await WorldAsync(app, language);
        await world.RecordViaCardAsync("Finish", "Toets nakijken", $"{world.Id(Megan)}");
        var id = await app.QueryAsync(db => db.Agreements.Select(a => a.Id).SingleAsync());
        Task<InvokeResponse> AskHelpAsync(string words) => app.InvokeAsync(app.Teams.Execute(AgreementVerbs.Answer, new Dictionary<string, object?>
        {
            ["agreementId"] = id, ["answer"] = AgreementAnswers.NeedHelp, ["view"] = AgreementCardViews.Reminder, [ReminderCard.CommentInputId(id)] = words,
        }, "reminder-1", Megan));
        Task<List<string?>> CommentsAsync() => app.QueryAsync(db => db.AgreementChanges.Where(c => c.Comment != null).OrderBy(c => c.Id).Select(c => c.Comment).ToListAsync());

        MessageText(await AskHelpAsync(new string('h', 501))).ShouldBe(TooLong(language, comment, "500", "501"));
        (await CommentsAsync()).ShouldBeEmpty();
        (await app.QueryAsync(db => db.Set<AgreementOwner>().SingleAsync())).Status.ShouldBe(AgreementStatus.Open);
        await AskHelpAsync($"  {new string('h', 500)}\n");
        (await CommentsAsync()).ShouldBe([new string('h', 500)]);

        var request = await app.QueryAsync(db => db.AgreementChanges.SingleAsync(c => c.Comment != null));
        Task<InvokeResponse> ReplyAsync(string words) => app.InvokeAsync(app.Teams.Execute(AgreementVerbs.Help,
            new Dictionary<string, object?> { ["agreementId"] = id, ["changeId"] = request.Id, [HelpCards.ReplyInputId] = words }, "help-card", Coach));
        MessageText(await ReplyAsync(new string('r', 501))).ShouldBe(TooLong(language, comment, "500", "501"));
        (await CommentsAsync()).Count.ShouldBe(1);
        await ReplyAsync(new string('r', 500));
        (await CommentsAsync()).ShouldBe([new string('h', 500), new string('r', 500)]);

        Task<InvokeResponse> DropAsync(string words) => app.InvokeAsync(app.Teams.Execute(CloseLoopVerbs.Close, new Dictionary<string, object?>
        {
            ["agreementId"] = id, ["choice"] = CloseChoices.Drop, ["sessionId"] = world.NextSessionId, [$"reason-{id}"] = words,
        }, "card-loop", Coach));
        MessageText(await DropAsync(new string('d', 501))).ShouldBe(TooLong(language, reason, "500", "501"));
        (await app.QueryAsync(db => db.Agreements.SingleAsync())).Status.ShouldNotBe(AgreementStatus.Dropped);
        await DropAsync(new string('d', 500));
        (await app.QueryAsync(db => db.AgreementChanges.SingleAsync(c => c.Kind == AgreementChangeKind.Dropped))).Comment.ShouldBe(new string('d', 500));
    }

    [Theory]
    [InlineData(Language.Dutch, "een reden", "het thema", "de doelen", "2.000", "2.001", "een opmerking", "1.000", "1.001")]
    [InlineData(Language.English, "a reason", "the theme", "the goals", "2,000", "2,001", "a comment", "1,000", "1,001")]
    public async Task A_regret_pause_theme_goals_or_check_in_comment_over_its_limit_is_refused_and_at_its_limit_kept_whole(
        Language language, string reason, string theme, string goals, string goalsLimit, string goalsTyped, string comment, string commentLimit, string commentTyped)
    {
        await using var app = await BotApplication.StartAsync();
        var world = await WorldAsync(app, language);

        Task<InvokeResponse> RegretAsync(string words) => app.InvokeAsync(app.Teams.Execute(CommunityBot.SessionAttendance.AttendanceVerbs.SendRegrets,
            new Dictionary<string, object?>
            {
                ["sessionId"] = world.NextSessionId, ["view"] = CommunityBot.SessionAttendance.RegretCardViews.Regrets,
                [CommunityBot.SessionAttendance.RegretCard.ReasonInputId(world.NextSessionId)] = words,
            }, "card-regret", Megan));
        MessageText(await RegretAsync(new string('g', 501))).ShouldBe(TooLong(language, reason, "500", "501"));
        (await app.QueryAsync(db => db.Regrets.CountAsync())).ShouldBe(0);
        await RegretAsync(new string('g', 500));
        (await app.QueryAsync(db => db.Regrets.SingleAsync())).Reason.ShouldBe(new string('g', 500));

        Task<InvokeResponse> SaveSheetAsync(string themeText, string goalsText) => app.InvokeAsync(app.Teams.Execute(CommunityVerbs.SaveSheet,
            new Dictionary<string, object?>
            {
                ["communityId"] = world.CommunityId, [EditSheetCard.PhaseInput] = "LearningTogether",
                [EditSheetCard.ThemeInput] = themeText, [EditSheetCard.GoalsInput] = goalsText,
            }, "card-sheet", Coach));
        var before = await app.QueryAsync(db => db.Communities.AsNoTracking().SingleAsync());
        MessageText(await SaveSheetAsync(new string('t', 501), "")).ShouldBe(TooLong(language, theme, "500", "501"));
        MessageText(await SaveSheetAsync("", new string('o', 2001))).ShouldBe(TooLong(language, goals, goalsLimit, goalsTyped));
        var unchanged = await app.QueryAsync(db => db.Communities.AsNoTracking().SingleAsync());
        (unchanged.Phase, unchanged.Theme, unchanged.Goals).ShouldBe((before.Phase, before.Theme, before.Goals));
        await SaveSheetAsync(new string('t', 500), new string('o', 2000));
        var saved = await app.QueryAsync(db => db.Communities.AsNoTracking().SingleAsync());
        (saved.Theme, saved.Goals).ShouldBe((new string('t', 500), new string('o', 2000)));

        await app.PostAsync(app.Teams.Message($"pauze {new string('p', 301)}", Megan));
        (await world.PersonalRepliesAsync(Megan, 1)).Last().ShouldBe(TooLong(language, reason, "300", "301", onCard: false));
        (await app.QueryAsync(db => db.Memberships.SingleAsync(m => m.PersonId == world.Id(Megan)))).PausedFrom.ShouldBeNull();
        await app.PostAsync(app.Teams.Message($"pauze {new string('p', 300)}", Megan));
        await world.PersonalRepliesAsync(Megan, 2);
        (await app.QueryAsync(db => db.Memberships.SingleAsync(m => m.PersonId == world.Id(Megan)))).PauseReason.ShouldBe(new string('p', 300));

        var checkIn = await CheckInWorld.OpenAsync(app, world.CommunityId);
        MessageText(await CheckInWorld.AnswerAsync(app, CheckInWorld.Form(app, checkIn, world.CommunityId, 4, new string('c', 1001)), Adele, language))
            .ShouldBe(TooLong(language, comment, commentLimit, commentTyped));
        (await CheckInWorld.ResponseCountAsync(app)).ShouldBe(0);
        await CheckInWorld.AnswerAsync(app, CheckInWorld.Form(app, checkIn, world.CommunityId, 4, new string('c', 1000)), Adele, language);
        (await app.QueryAsync(db => db.CheckInResponses.SingleAsync())).Comment.ShouldBe(new string('c', 1000));
    }
}
