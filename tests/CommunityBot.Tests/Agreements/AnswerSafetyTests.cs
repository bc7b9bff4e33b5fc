using CommunityBot.Agreements;
using CommunityBot.Teams.Cards;
using CommunityBot.Teams.Schema;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.Agreements.AgreementWorld;

namespace CommunityBot.Tests.Agreements;

/// <summary>Recording and answering stay whole when something fails halfway, and repeated taps count once.</summary>
public sealed class AnswerSafetyTests
{
    private const string OutboxInsert = "INSERT INTO \"OutboxMessages\"";

    [Fact]
    public async Task A_failure_after_recording_keeps_nothing_and_the_redelivered_press_records_the_agreement_once()
    {
        var faults = new DbFaults();
        await using var app = await BotApplication.StartAsync(services: DbFaults.Install(faults));
        var world = await CreateAsync(app);
        var press = world.RecordPress("Finish", "Lesvoorbereiding H3 afwerken", $"{world.Id(Megan)}");

        faults.FailOnce(OutboxInsert);
        await Should.ThrowAsync<Exception>(async () => (await app.PostAsync(press)).EnsureSuccessStatusCode());
        (await app.QueryAsync(db => db.Agreements.CountAsync())).ShouldBe(0);
        (await app.QueryAsync(db => db.ReminderPlans.CountAsync())).ShouldBe(0);

        CardJson(await app.InvokeAsync(press)).ShouldContain("Genoteerd: Lesvoorbereiding H3 afwerken");
        (await app.QueryAsync(db => db.Agreements.CountAsync())).ShouldBe(1);
        (await world.OutboxAsync()).Count(m => m.Purpose == "agreement-summary").ShouldBe(1);
    }

    [Fact]
    public async Task A_failure_after_a_help_request_is_redone_on_redelivery_and_the_coach_is_alerted()
    {
        var faults = new DbFaults();
        await using var app = await BotApplication.StartAsync(services: DbFaults.Install(faults));
        var world = await CreateAsync(app);
        await world.RecordViaCardAsync("Finish", "Lesvoorbereiding H3 afwerken", $"{world.Id(Megan)}");
        var id = await app.QueryAsync(db => db.Agreements.Select(a => a.Id).SingleAsync());
        var press = app.Teams.Execute(AgreementVerbs.Answer, new AnswerData(id, AgreementAnswers.NeedHelp, AgreementCardViews.Reminder), "card-1", Megan);

        faults.FailOnce(OutboxInsert);
        await Should.ThrowAsync<Exception>(async () => (await app.PostAsync(press)).EnsureSuccessStatusCode());
        (await app.QueryAsync(db => db.Agreements.SingleAsync())).Status.ShouldBe(AgreementStatus.Open);

        CardJson(await app.InvokeAsync(press)).ShouldContain("Hulp gevraagd");
        (await world.OutboxAsync()).Single(m => m.Purpose == "agreement-answer").PersonId.ShouldBe(world.Id(Coach));
        (await app.QueryAsync(db => db.AgreementChanges.CountAsync())).ShouldBe(1);
    }

    /// <summary>Both presses read the agreement (still open) before either writes: the race two quick taps can make.</summary>
    private static async Task<InvokeResponse[]> AtTheSameMomentAsync(BotApplication app, DbFaults faults, params Activity[] presses)
    {
        using var bothRead = new Barrier(2);
        var reads = 0;
        var metAtBarrier = 0;
        faults.AfterReader = sql =>
        {
            if (sql.Contains("FROM \"Agreements\"", StringComparison.Ordinal) && Interlocked.Increment(ref reads) <= 2
                && bothRead.SignalAndWait(TimeSpan.FromSeconds(10)))
            {
                Interlocked.Increment(ref metAtBarrier);
            }
        };
        var answers = await Task.WhenAll(presses.Select(app.InvokeAsync));
        faults.AfterReader = null;
        metAtBarrier.ShouldBe(2, "both presses read the open agreement before either wrote");
        return answers;
    }

    [Fact]
    public async Task Two_owners_pressing_done_at_the_same_moment_both_count_and_the_agreement_is_done()
    {
        var faults = new DbFaults();
        await using var app = await BotApplication.StartAsync(services: DbFaults.Install(faults));
        var world = await CreateAsync(app);
        await world.RecordViaCardAsync("Finish", "Lesvoorbereiding H3 afwerken", $"{world.Id(Megan)},{world.Id(Adele)}", $"{world.Id(Tom)}");
        var id = await app.QueryAsync(db => db.Agreements.Select(a => a.Id).SingleAsync());

        var answers = await AtTheSameMomentAsync(app, faults,
            app.Teams.Execute(AgreementVerbs.Answer, new AnswerData(id, AgreementAnswers.Done, AgreementCardViews.Reminder), "card-1", Megan),
            app.Teams.Execute(AgreementVerbs.Answer, new AnswerData(id, AgreementAnswers.Done, AgreementCardViews.Reminder), "card-2", Adele));

        answers.ShouldAllBe(a => CardJson(a).Contains("Jouw stand van zaken: ✓ Klaar"));
        var agreement = await app.QueryAsync(db => db.Agreements.Include(a => a.Owners).SingleAsync());
        agreement.Owners.ShouldAllBe(o => o.Status == AgreementStatus.Done);
        agreement.Status.ShouldBe(AgreementStatus.Done);
        (await app.QueryAsync(db => db.AgreementChanges.CountAsync())).ShouldBe(2);
        (await world.OutboxAsync()).Count(m => m.Purpose == "agreement-ready").ShouldBe(1, "Tom hears once, when the last owner is done");
    }

    [Fact]
    public async Task One_owner_asking_help_twice_at_the_same_moment_makes_one_change_and_one_coach_alert()
    {
        var faults = new DbFaults();
        await using var app = await BotApplication.StartAsync(services: DbFaults.Install(faults));
        var world = await CreateAsync(app);
        await world.RecordViaCardAsync("Finish", "Lesvoorbereiding H3 afwerken", $"{world.Id(Megan)},{world.Id(Adele)}");
        var id = await app.QueryAsync(db => db.Agreements.Select(a => a.Id).SingleAsync());

        var answers = await AtTheSameMomentAsync(app, faults,
            app.Teams.Execute(AgreementVerbs.Answer, new AnswerData(id, AgreementAnswers.NeedHelp, AgreementCardViews.Reminder), "card-1", Megan),
            app.Teams.Execute(AgreementVerbs.Answer, new AnswerData(id, AgreementAnswers.NeedHelp, AgreementCardViews.Reminder), "card-2", Megan));

        answers.ShouldAllBe(a => CardJson(a).Contains("Hulp gevraagd"));
        (await app.QueryAsync(db => db.AgreementChanges.CountAsync())).ShouldBe(1);
        (await world.OutboxAsync()).Count(m => m.Purpose == "agreement-answer").ShouldBe(1);
    }

    [Fact]
    public async Task Two_owners_asking_help_make_two_changes_and_two_coach_alerts()
    {
        await using var app = await BotApplication.StartAsync();
        var world = await CreateAsync(app);
        await world.RecordViaCardAsync("Finish", "Lesvoorbereiding H3 afwerken", $"{world.Id(Megan)},{world.Id(Adele)}");
        var id = await app.QueryAsync(db => db.Agreements.Select(a => a.Id).SingleAsync());

        await app.InvokeAsync(app.Teams.Execute(AgreementVerbs.Answer, new AnswerData(id, AgreementAnswers.NeedHelp, AgreementCardViews.Reminder), "card-1", Megan));
        await app.InvokeAsync(app.Teams.Execute(AgreementVerbs.Answer, new AnswerData(id, AgreementAnswers.NeedHelp, AgreementCardViews.Reminder), "card-2", Adele));

        (await app.QueryAsync(db => db.AgreementChanges.CountAsync())).ShouldBe(2);
        var alerts = (await world.OutboxAsync()).Where(m => m.Purpose == "agreement-answer").ToList();
        alerts.Count.ShouldBe(2);
        alerts.ShouldAllBe(m => m.PersonId == world.Id(Coach));
        (await app.QueryAsync(db => db.Agreements.SingleAsync())).Status.ShouldBe(AgreementStatus.NeedHelp);
    }

    [Fact]
    public async Task Answering_a_dropped_agreement_says_it_is_closed()
    {
        await using var app = await BotApplication.StartAsync();
        var world = await CreateAsync(app);
        await world.RecordViaCardAsync("Finish", "Lesvoorbereiding H3 afwerken", $"{world.Id(Megan)}");
        await app.QueryAsync(db => db.Agreements.ExecuteUpdateAsync(set => set.SetProperty(a => a.Status, AgreementStatus.Dropped)));
        var id = await app.QueryAsync(db => db.Agreements.Select(a => a.Id).SingleAsync());

        var response = await app.InvokeAsync(app.Teams.Execute(AgreementVerbs.Answer, new AnswerData(id, AgreementAnswers.Done, AgreementCardViews.Reminder), "card-1", Megan));

        MessageText(response).ShouldBe("Deze afspraak is al afgesloten.");
        (await app.QueryAsync(db => db.AgreementChanges.CountAsync())).ShouldBe(0);
    }
}
