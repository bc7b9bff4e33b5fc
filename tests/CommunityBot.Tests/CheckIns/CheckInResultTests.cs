using CommunityBot.Briefings;
using CommunityBot.CheckIns;
using CommunityBot.Communities;
using CommunityBot.Delivery;
using CommunityBot.Localization;
using CommunityBot.Teams.Cards;
using CommunityBot.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.Agreements.AgreementWorld;
using static CommunityBot.Tests.CheckIns.CheckInWorld;

namespace CommunityBot.Tests.CheckIns;

/// <summary>
/// The coach's result card when a round closes: the closing sweep tells the listener inside its transaction.
/// </summary>
public sealed class CheckInResultTests
{
    /// <summary>The window passes and the minute sweep closes the round, telling the listeners in its transaction.</summary>
    private static async Task CloseAsync(BotApplication app, long checkInId)
    {
        var closesAt = await app.QueryAsync(db => db.CheckIns.Where(c => c.Id == checkInId).Select(c => c.ClosesAt).SingleAsync());
        if (app.Clock.GetUtcNow() < closesAt)
        {
            app.Clock.SetUtcNow(closesAt);
        }
        await WithAsync(app, async sp =>
        {
            await sp.GetRequiredService<CheckInSweep>().RunAsync(CancellationToken.None);
            return 0;
        });
    }

    /// <summary>The form with every item of one condition answered <paramref name="score"/> (after reverse scoring).</summary>
    private static Dictionary<string, object?> WithCondition(BotApplication app, Dictionary<string, object?> form, CheckInCondition condition, int score)
    {
        foreach (var item in Instrument(app).Items.Where(i => i.Condition == condition))
        {
            form[CheckInCard.InputId(item.Id)] = (item.Reverse ? 6 - score : score).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return form;
    }

    private static async Task<List<string>> ResultCardsAsync(BotApplication app) =>
        [.. (await app.QueryAsync(db => db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Purpose == CheckInResultSender.Purpose).ToListAsync()))
            .Select(m => Readable(m.Card!.Value.GetRawText()))];

    [Theory]
    [InlineData(Language.Dutch, "Resultaat check-in Wiskunde eerste graad", "Cohesie", "4,0 (+1,0 sinds vorige keer)", "3,0 (±0,0 sinds vorige keer)", "Laagste thema: Psychologische veiligheid", "Vertel zelf eerst", "Opmerkingen")]
    [InlineData(Language.English, "Check-in result Wiskunde eerste graad", "Cohesion", "4.0 (+1.0 since last time)", "3.0 (±0.0 since last time)", "Lowest theme: Psychological safety", "Go first yourself", "Comments")]
    public async Task With_k_answers_the_coach_gets_means_their_change_a_chart_and_the_suggestion_for_the_lowest(
        Language language, string title, string cohesion, string risen, string same, string lowest, string suggestion, string comments)
    {
        var (app, world) = await CreateAsync(language, minimumResponses: 3);
        await using var _ = app;
        var first = await OpenAsync(app, world.CommunityId);
        foreach (var member in new[] { Megan, Adele, Tom })
        {
            await AnswerAsync(app, Form(app, first, world.CommunityId, 3), member, language);
        }
        await CloseAsync(app, first);
        var second = await OpenAsync(app, world.CommunityId);
        await AnswerAsync(app, Form(app, second, world.CommunityId, 4, "Meer tijd om samen te ontwerpen"), Megan, language);
        await AnswerAsync(app, Form(app, second, world.CommunityId, 4), Adele, language);
        await AnswerAsync(app, WithCondition(app, Form(app, second, world.CommunityId, 4), CheckInCondition.PsychologicalSafety, 1), Tom, language);

        await CloseAsync(app, second);
        await CloseAsync(app, second);

        var messages = await app.QueryAsync(db => db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Purpose == CheckInResultSender.Purpose).ToListAsync());
        messages.Count(m => m.DedupeKey.Contains($":{second}:", StringComparison.Ordinal)).ShouldBe(1);
        messages.ShouldAllBe(m => m.PersonId == world.Id(Coach));
        var card = (await ResultCardsAsync(app)).Single(c => c.Contains(risen, StringComparison.Ordinal));
        card.ShouldContain(title);
        card.ShouldContain(cohesion);
        card.ShouldContain(same);
        card.ShouldContain("\"type\":\"Chart.HorizontalBar\"");
        card.ShouldContain("100");
        card.ShouldContain(lowest);
        card.ShouldContain(suggestion);
        card.ShouldContain(comments);
        card.ShouldContain("Meer tijd om samen te ontwerpen");
        card.ShouldNotContain("Megan");
    }

    [Theory]
    [InlineData(Language.Dutch, "Niet genoeg antwoorden om iets te tonen.")]
    [InlineData(Language.English, "Not enough answers to show anything.")]
    public async Task With_one_answer_fewer_than_k_the_card_says_not_enough_answers_and_nothing_else(Language language, string notEnough)
    {
        var (app, world) = await CreateAsync(language, minimumResponses: 3);
        await using var _ = app;
        var checkIn = await OpenAsync(app, world.CommunityId);
        await AnswerAsync(app, Form(app, checkIn, world.CommunityId, 4, "Ik durf niet alles te zeggen"), Megan, language);
        await AnswerAsync(app, Form(app, checkIn, world.CommunityId, 2), Adele, language);

        await CloseAsync(app, checkIn);

        var card = (await ResultCardsAsync(app)).ShouldHaveSingleItem();
        card.ShouldContain(notEnough);
        card.ShouldNotContain("Chart.");
        card.ShouldNotContain("FactSet");
        card.ShouldNotContain("Ik durf");
        card.ShouldNotContain("%");
        var shown = (await app.QueryAsync(db => db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Purpose == CheckInResultSender.Purpose))).Card!.Value;
        shown.GetProperty("body").GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public async Task With_one_answer_fewer_than_k_nothing_leaves_through_any_path_logs_included()
    {
        const string Secret = "Ik durf niet alles te zeggen";
        var (app, world) = await CreateAsync(Language.Dutch, minimumResponses: 3, services: s => s.AddFakeLogging());
        await using var _ = app;
        await app.QueryAsync(async db =>
        {
            db.Memberships.Add(new Membership { CommunityId = world.CommunityId, PersonId = world.Id(Outsider), Role = CommunityRole.CoachTheCoach, JoinedAt = app.Clock.GetUtcNow() });
            return await db.SaveChangesAsync();
        });
        var collector = app.Services.GetFakeLogCollector();
        collector.Clear();
        var checkIn = await OpenAsync(app, world.CommunityId);
        await AnswerAsync(app, Form(app, checkIn, world.CommunityId, 4, Secret), Megan);
        await AnswerAsync(app, Form(app, checkIn, world.CommunityId, 2), Adele);
        await CloseAsync(app, checkIn);
        var logs = collector.GetSnapshot();

        var card = (await ResultCardsAsync(app)).ShouldHaveSingleItem();
        card.ShouldContain("Niet genoeg antwoorden om iets te tonen.");
        card.ShouldNotContain(Secret);
        card.ShouldNotContain("%");

        await app.PostAsync(app.Teams.Message("check-in resultaten", Outsider, Locale(Language.Dutch)));
        var asked = LastReplyTo(app, Outsider);
        asked.ShouldContain("Niet genoeg antwoorden om iets te tonen.");
        asked.ShouldNotContain("Chart.");
        asked.ShouldNotContain("FactSet");
        asked.ShouldNotContain(Secret);
        asked.ShouldNotContain("%");

        await world.AtAsync<BriefingSweep>(new DateTimeOffset(2026, 3, 20, 15, 0, 0, TimeSpan.Zero));
        var briefing = Readable((await world.OutboxAsync()).Single(m => m.Purpose == "briefing").Card!.Value.GetRawText());
        System.Text.RegularExpressions.Regex.Matches(briefing, "Laatste check-in[^\"]*").Select(m => m.Value).ShouldBe(["Laatste check-in: niet genoeg antwoorden."]);
        briefing.ShouldNotContain(Secret);

        var digest = await WithAsync(app, sp => sp.GetRequiredService<CheckInAggregator>()
            .ForCommunityAsync(world.CommunityId, BotApplication.Start, app.Clock.GetUtcNow(), CheckInAudience.Coach, CancellationToken.None));
        digest.ShouldHaveSingleItem().ShouldBeOfType<NotEnoughAnswers>();

        // What a log line must never carry: the comment, a name, a Teams id, a pseudonym; and no check-in field may hold a
        // person or an answer (the message text alone cannot tell an answer 4 from an id 4, the field names can). Delivery
        // logs the person it opens a personal chat with (the invitations, the coach's card): that ties no one to an answer.
        var pseudonyms = await app.QueryAsync(db => db.CheckInResponses.Select(r => r.Pseudonym).ToListAsync());
        string[] forbidden = [Secret, Megan.Name!, Adele.Name!, Megan.Id, Adele.Id, Megan.AadObjectId!, Adele.AadObjectId!, .. pseudonyms];
        logs.ShouldNotBeEmpty();
        foreach (var record in logs)
        {
            var text = record.Message + " " + record.Exception;
            forbidden.ShouldAllBe(f => !text.Contains(f, StringComparison.OrdinalIgnoreCase), text);
            if (record.Category?.StartsWith("CommunityBot.CheckIns", StringComparison.Ordinal) == true)
            {
                (record.StructuredState ?? []).Select(p => p.Key)
                    .ShouldAllBe(k => !k.Contains("Person", StringComparison.OrdinalIgnoreCase) && !k.Contains("Name", StringComparison.OrdinalIgnoreCase)
                        && !k.Contains("Answer", StringComparison.OrdinalIgnoreCase) && !k.Contains("Comment", StringComparison.OrdinalIgnoreCase)
                        && !k.Contains("Score", StringComparison.OrdinalIgnoreCase) && !k.Contains("Value", StringComparison.OrdinalIgnoreCase), text);
            }
        }
    }

    /// <summary>The last thing the bot wrote in the person's personal chat: a text, or a card as JSON.</summary>
    private static string LastReplyTo(BotApplication app, Teams.Schema.ChannelAccount who)
    {
        var activity = app.Connector.SentActivities.Last(a => a.ConversationId == TeamsActivities.PersonalChatOf(who)).Activity!;
        return activity.Attachments is { Count: > 0 } attachments ? Readable(attachments[0].Content!.Value.GetRawText()) : activity.Text!;
    }

    [Theory]
    [InlineData(Language.Dutch, "check-in resultaten", "Resultaat check-in Wiskunde eerste graad", "Alleen de coach en de coach van de coach")]
    [InlineData(Language.English, "check-in results", "Check-in result Wiskunde eerste graad", "Only a community's coach and the coach's coach")]
    public async Task The_coach_the_coach_can_ask_for_the_latest_result_and_members_and_leaders_are_refused(Language language, string command, string title, string refused)
    {
        var (app, world) = await CreateAsync(language, minimumResponses: 3);
        await using var _ = app;
        await app.QueryAsync(async db =>
        {
            db.Memberships.Add(new Membership { CommunityId = world.CommunityId, PersonId = world.Id(Outsider), Role = CommunityRole.CoachTheCoach, JoinedAt = app.Clock.GetUtcNow() });
            return await db.SaveChangesAsync();
        });
        var checkIn = await OpenAsync(app, world.CommunityId);
        foreach (var member in new[] { Megan, Adele, Tom })
        {
            await AnswerAsync(app, Form(app, checkIn, world.CommunityId, 4, member == Tom ? "Meer tijd om samen te ontwerpen" : null), member, language);
        }
        await CloseAsync(app, checkIn);

        await app.PostAsync(app.Teams.Message(command, Outsider, Locale(language)));
        var card = LastReplyTo(app, Outsider);
        card.ShouldContain(title);
        card.ShouldContain("Chart.HorizontalBar");
        card.ShouldContain("Meer tijd om samen te ontwerpen");

        await app.PostAsync(app.Teams.Message(command, Megan, Locale(language)));
        LastReplyTo(app, Megan).ShouldStartWith(refused);
        await app.QueryAsync(db => db.Memberships.Where(m => m.PersonId == world.Id(Adele)).ExecuteUpdateAsync(set => set.SetProperty(m => m.Role, CommunityRole.Leader)));
        await app.PostAsync(app.Teams.Message(command, Adele, Locale(language)));
        LastReplyTo(app, Adele).ShouldStartWith(refused);
    }

    [Theory]
    [InlineData(Language.Dutch, 3, "Laatste check-in: respons", "laagste thema Psychologische veiligheid (3,0).")]
    [InlineData(Language.English, 3, "Last check-in: response rate", "lowest theme Psychological safety (3.0).")]
    [InlineData(Language.Dutch, 2, "Laatste check-in: niet genoeg antwoorden.", "Laatste check-in: niet genoeg antwoorden.")]
    [InlineData(Language.English, 2, "Last check-in: not enough answers.", "Last check-in: not enough answers.")]
    public async Task The_briefing_before_the_next_session_repeats_the_headline_of_the_latest_check_in(Language language, int answers, string rate, string lowest)
    {
        var (app, world) = await CreateAsync(language, minimumResponses: 3);
        await using var _ = app;
        var checkIn = await OpenAsync(app, world.CommunityId);
        await AnswerAsync(app, Form(app, checkIn, world.CommunityId, 4), Megan, language);
        await AnswerAsync(app, Form(app, checkIn, world.CommunityId, 4), Adele, language);
        if (answers == 3)
        {
            await AnswerAsync(app, WithCondition(app, Form(app, checkIn, world.CommunityId, 4), CheckInCondition.PsychologicalSafety, 1), Tom, language);
        }
        await CloseAsync(app, checkIn);

        await world.AtAsync<BriefingSweep>(new DateTimeOffset(2026, 3, 20, 15, 0, 0, TimeSpan.Zero));

        var briefing = (await world.OutboxAsync()).Single(m => m.Purpose == "briefing");
        var card = Readable(briefing.Card!.Value.GetRawText());
        card.ShouldContain(rate);
        card.ShouldContain(lowest);
        card.ShouldNotContain("Meer tijd");
    }

    [Fact]
    public async Task Every_result_card_is_valid_for_the_official_renderer_charts_included()
    {
        var (app, _) = await CreateAsync(minimumResponses: 3);
        await using var __ = app;
        var instrument = Instrument(app);
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");
        var now = app.Clock.GetUtcNow();
        ConditionAggregate[] conditions = [.. Enum.GetValues<CheckInCondition>().Select((c, i) => new ConditionAggregate(c, 3 + i * 0.3, [0, 1, 1, 1, 0]))];
        var previous = new CheckInAggregate(1, now.AddDays(-40), now.AddDays(-35), 1, 3, 0.75, conditions, []);
        double[] means = [3.5, 4.25, 2.75, 3.75, 4.0];
        var current = new CheckInAggregate(2, now.AddDays(-5), now, 1, 4, 1.0,
            [.. conditions.Select((c, i) => c with { Mean = means[i] })], ["Ik zou graag meer tijd hebben om samen taken te ontwerpen.", "Niet iedereen komt evenveel aan het woord."]);

        Dictionary<string, AdaptiveCard> cards = [];
        foreach (var language in Enum.GetValues<Language>())
        {
            var tag = language.CardLang();
            cards[$"result-{tag}"] = CheckInResultCard.Build("Wiskunde eerste graad", zone, current, previous, instrument, now, language);
            cards[$"result-first-{tag}"] = CheckInResultCard.Build("Wiskunde eerste graad", zone, previous, null, instrument, now, language);
            cards[$"result-not-enough-{tag}"] = CheckInResultCard.Build("Wiskunde eerste graad", zone, new NotEnoughAnswers(3, now.AddDays(-5), now), previous, instrument, now, language);
        }

        CardValidator.AssertAllValid(cards);
    }
}
