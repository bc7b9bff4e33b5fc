using CommunityBot.Agreements;
using CommunityBot.Localization;
using CommunityBot.Sessions;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.Agreements.AgreementWorld;

namespace CommunityBot.Tests.Agreements;

/// <summary>The short syntax names a due session by its local date: <c>tegen 12/3</c>, <c>by 12 March</c>.</summary>
public sealed class ShorthandDueTests
{
    private static async Task<(AgreementWorld World, long Later)> WorldAsync(BotApplication app, Language language)
    {
        var world = await CreateAsync(app);
        await app.QueryAsync(db => db.People.ExecuteUpdateAsync(set => set.SetProperty(p => p.Language, language).SetProperty(p => p.LanguageChosen, true)));
        await app.InvokeAsync(app.Teams.Execute(SessionVerbs.Plan,
            new { communityId = world.CommunityId, save = true, date = "2026-04-27", time = "16:00", location = "Lokaal 12" }, "card-plan", Coach));
        return (world, await app.QueryAsync(db => db.Sessions.Where(s => s.StartsAt > NextSessionStart).Select(s => s.Id).SingleAsync()));
    }

    [Theory]
    [InlineData(Language.Dutch, "afspraak afwerken @Megan tegen 27/4: toets hoofdstuk 4 maken")]
    [InlineData(Language.Dutch, "afspraak afwerken @Megan voor @Adele tegen 27 april: toets hoofdstuk 4 maken")]
    [InlineData(Language.English, "agreement finish @Megan by 27 April: toets hoofdstuk 4 maken")]
    [InlineData(Language.English, "agreement finish @Megan by 27/4/2026: toets hoofdstuk 4 maken")]
    public async Task A_due_date_makes_the_agreement_due_at_the_session_planned_that_day(Language language, string typed)
    {
        await using var app = await BotApplication.StartAsync();
        var (world, later) = await WorldAsync(app, language);

        await app.PostAsync(app.Teams.Message(typed, Coach));

        var agreement = await app.QueryAsync(db => db.Agreements.SingleAsync());
        (agreement.Text, agreement.DueSessionId).ShouldBe(("toets hoofdstuk 4 maken", (long?)later));
        (await app.QueryAsync(db => db.ReminderPlans.CountAsync(p => p.SessionId == later && p.PersonId == world.Id(Megan)))).ShouldBe(2);
    }

    [Fact]
    public async Task Tegen_12_3_without_a_year_is_the_next_12_March_and_is_refused_without_a_session_that_day()
    {
        await using var app = await BotApplication.StartAsync();
        var (world, _) = await WorldAsync(app, Language.Dutch);

        await app.PostAsync(app.Teams.Message("afspraak afwerken @Megan tegen 12/3: toets maken", Coach));

        world.LastReplyText().ShouldBe("Er is geen sessie gepland op donderdag 12 maart 2026. Geplande sessies: maandag 23 maart, maandag 27 april. Er is nog niets genoteerd.");
        (await app.QueryAsync(db => db.Agreements.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task By_a_date_without_a_session_lists_the_planned_dates_in_English()
    {
        await using var app = await BotApplication.StartAsync();
        var (world, _) = await WorldAsync(app, Language.English);

        await app.PostAsync(app.Teams.Message("agreement finish @Megan by 1 March: write the test", Coach));

        world.LastReplyText().ShouldBe("No session is planned on Monday 1 March 2027. Planned sessions: Monday 23 March, Monday 27 April. Nothing was recorded.");
        (await app.QueryAsync(db => db.Agreements.CountAsync())).ShouldBe(0);
    }

    [Theory]
    [InlineData("12/3", 2026, 3, 12)]
    [InlineData("1/3", 2027, 3, 1)]
    [InlineData("2 maart", 2026, 3, 2)]
    [InlineData("29/2", 2028, 2, 29)]
    [InlineData("5 September", 2026, 9, 5)]
    public void A_date_without_a_year_is_the_next_time_that_day_comes(string typed, int year, int month, int day) =>
        ShorthandDue.Parse(typed)!.DateFrom(new DateOnly(2026, 3, 2)).ShouldBe(new DateOnly(year, month, day));

    [Theory]
    [InlineData("31/2/2026")]
    [InlineData("13/13")]
    [InlineData("volgende week")]
    public void What_is_no_date_is_not_read_as_one(string typed) =>
        (ShorthandDue.Parse(typed)?.DateFrom(new DateOnly(2026, 3, 2))).ShouldBeNull();
}
