using System.Security.Cryptography;
using System.Text;
using CommunityBot.CheckIns;
using CommunityBot.Communities;
using CommunityBot.Localization;
using CommunityBot.Teams.Cards;
using CommunityBot.Teams.Schema;
using CommunityBot.Tests.Agreements;
using CommunityBot.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.Agreements.AgreementWorld;
using static CommunityBot.Tests.CheckIns.CheckInWorld;
using CommunityBot.Limits;

namespace CommunityBot.Tests.CheckIns;

/// <summary>A member answers the check-in card through the real host; the card thanks in place, and forged or late answers store nothing.</summary>
public sealed class CheckInCardTests
{
    [Theory]
    [InlineData(Language.Dutch, "Check-in Wiskunde eerste graad", "vrijwillig en anoniem", "Wat de coach ziet", "minstens 4 leden", "Bedankt voor je check-in bij Wiskunde eerste graad", "4 · akkoord", "Antwoorden aanpassen")]
    [InlineData(Language.English, "Check-in Wiskunde eerste graad", "voluntary and anonymous", "What the coach sees", "at least 4 members", "Thank you for your check-in for Wiskunde eerste graad", "4 · agree", "Change answers")]
    public async Task A_member_gets_the_card_answers_it_and_the_card_thanks_in_place_with_their_own_chart(
        Language language, string title, string voluntary, string coachSees, string threshold, string thanks, string answer, string change)
    {
        var (app, world) = await CreateAsync(language);
        await using var _ = app;

        await app.PostAsync(app.Teams.Message(language == Language.English ? "run check-in now" : "check-in nu", Megan, Locale(language)));

        var form = Readable(app.Connector.SentActivities.Last(a => a.Activity?.Attachments is { Count: > 0 }).Activity!.Attachments!.Single().Content!.Value.GetRawText());
        form.ShouldContain(title);
        form.ShouldContain(voluntary);
        form.ShouldContain(coachSees);
        form.ShouldContain(threshold);
        form.ShouldContain("\"type\":\"Input.ChoiceSet\"");
        form.ShouldContain("\"style\":\"compact\"");
        form.ShouldContain(CheckInVerbs.Answer);
        var checkInId = await app.QueryAsync(db => db.CheckIns.Select(c => c.Id).SingleAsync());

        var card = CardJson(await AnswerAsync(app, Form(app, checkInId, world.CommunityId, 4), Megan, language));

        card.ShouldContain(thanks);
        card.ShouldContain("\"type\":\"Chart.Line\"");
        card.ShouldContain(answer);
        card.ShouldContain(change);
        card.ShouldNotContain("Adele");
        (await ResponseCountAsync(app)).ShouldBe(1);
    }

    [Fact]
    public async Task Changing_answers_while_open_replaces_them_and_shows_the_previous_check_in_beside_them()
    {
        var (app, world) = await CreateAsync();
        await using var _ = app;
        var first = await OpenAsync(app, world.CommunityId);
        await AnswerAsync(app, Form(app, first, world.CommunityId, 2), Megan);
        app.Clock.Advance(new CheckInsOptions().Window);
        var second = await OpenAsync(app, world.CommunityId);
        await AnswerAsync(app, Form(app, second, world.CommunityId, 3), Megan);

        var form = CardJson(await app.InvokeAsync(app.Teams.Execute(CheckInVerbs.Change, new CheckInData(second, world.CommunityId), "card-2", Megan)));
        form.ShouldContain("\"value\":\"3\"");
        var card = CardJson(await AnswerAsync(app, Form(app, second, world.CommunityId, 5, "Meer tijd om samen te ontwerpen"), Megan));

        card.ShouldContain("5 · helemaal akkoord (vorige keer 2)");
        card.ShouldContain("Vorige check-in");
        var response = await app.QueryAsync(db => db.CheckInResponses.Include(r => r.Answers).SingleAsync(r => r.CheckInId == second));
        response.Comment.ShouldBe("Meer tijd om samen te ontwerpen");
        response.ChangedAt.ShouldBe(new DateTimeOffset(app.Clock.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero));
        response.Answers.Where(a => a.ItemId == "potency-achieve").Single().Value.ShouldBe(5);
        (await app.QueryAsync(db => db.CheckInResponses.CountAsync(r => r.CheckInId == second))).ShouldBe(1);
    }

    [Theory]
    [InlineData(Language.Dutch, "Deze check-in is afgesloten")]
    [InlineData(Language.English, "This check-in has closed")]
    public async Task An_answer_after_the_check_in_closed_gets_a_clear_message_and_stores_nothing(Language language, string closed)
    {
        var (app, world) = await CreateAsync(language);
        await using var _ = app;
        var checkIn = await OpenAsync(app, world.CommunityId);
        app.Clock.Advance(new CheckInsOptions().Window);

        MessageText(await AnswerAsync(app, Form(app, checkIn, world.CommunityId, 4), Megan, language)).ShouldStartWith(closed);
        MessageText(await app.InvokeAsync(app.Teams.Execute(CheckInVerbs.Change, new CheckInData(checkIn, world.CommunityId), "card-1", Megan, Locale(language)))).ShouldStartWith(closed);
        (await ResponseCountAsync(app)).ShouldBe(0);
    }

    [Theory]
    [InlineData(Language.Dutch, "Deze check-in ken ik niet.", "Alleen actieve leden", "Deze antwoorden kan ik niet lezen")]
    [InlineData(Language.English, "I don't know this check-in.", "Only active members", "I can't read these answers")]
    public async Task Forged_answers_are_refused_politely_and_store_nothing(Language language, string unknown, string notMember, string unreadable)
    {
        var (app, world) = await CreateAsync(language);
        await using var _ = app;
        var checkIn = await OpenAsync(app, world.CommunityId);
        var other = await app.QueryAsync(async db =>
        {
            var community = new Community { TenantId = TeamsActivities.TenantId, Name = "Frans tweede graad", CreatedAt = HeldSessionStart };
            db.Communities.Add(community);
            await db.SaveChangesAsync();
            return community.Id;
        });
        var otherCheckIn = await OpenAsync(app, other);
        async Task<string> Refusal(Dictionary<string, object?> form, ChannelAccount? who = null) => MessageText(await AnswerAsync(app, form, who ?? Megan, language));

        // Sent as another community's: not a member there, whichever round it names, so ids tell nothing.
        (await Refusal(Form(app, checkIn, other, 4))).ShouldStartWith(notMember);
        (await Refusal(Form(app, otherCheckIn, other, 4))).ShouldStartWith(notMember);
        // A member of the community the card names learns that a round is unknown.
        (await Refusal(Form(app, otherCheckIn, world.CommunityId, 4))).ShouldBe(unknown + (language == Language.English ? " Nothing was saved." : " Er is niets bewaard."));
        (await Refusal(Form(app, 999_999, world.CommunityId, 4))).ShouldStartWith(unknown);
        // Coach and outsider are not members who answer.
        (await Refusal(Form(app, checkIn, world.CommunityId, 4), Coach)).ShouldStartWith(notMember);
        (await Refusal(Form(app, checkIn, world.CommunityId, 4), Outsider)).ShouldStartWith(notMember);
        // Values off the scale, an unknown item, a missing item, a number that is not text.
        var offScale = Form(app, checkIn, world.CommunityId, 4);
        offScale[CheckInCard.InputId("potency-achieve")] = "6";
        (await Refusal(offScale)).ShouldStartWith(unreadable);
        var zero = Form(app, checkIn, world.CommunityId, 4);
        zero[CheckInCard.InputId("potency-achieve")] = "0";
        (await Refusal(zero)).ShouldStartWith(unreadable);
        var unknownItem = Form(app, checkIn, world.CommunityId, 4);
        unknownItem[CheckInCard.InputId("trust-invented")] = "3";
        (await Refusal(unknownItem)).ShouldStartWith(unreadable);
        var missing = Form(app, checkIn, world.CommunityId, 4);
        missing.Remove(CheckInCard.InputId("goals-clear"));
        (await Refusal(missing)).ShouldStartWith(unreadable);
        var typed = Form(app, checkIn, world.CommunityId, 4);
        typed[CheckInCard.InputId("goals-clear")] = 4;
        (await Refusal(typed)).ShouldStartWith(unreadable);
        var longComment = Form(app, checkIn, world.CommunityId, 4, new string('x', TextLimits.CheckInComment + 1));
        (await Refusal(longComment)).ShouldStartWith(language == Language.English ? "Too long for a comment" : "Te lang voor een opmerking");

        (await ResponseCountAsync(app)).ShouldBe(0);
        (await app.QueryAsync(db => db.CheckInAnswers.CountAsync())).ShouldBe(0);
    }

    [Theory]
    [InlineData(Language.Dutch, "help", "mijn check-ins", "check-in nu")]
    [InlineData(Language.English, "help", "my check-ins", "run check-in now")]
    public async Task The_help_card_names_the_check_in_commands(Language language, string help, string mine, string now)
    {
        var (app, world) = await CreateAsync(language);
        await using var _ = app;

        await app.PostAsync(app.Teams.Message(help, Megan, Locale(language)));

        var card = world.LastReplyCard();
        card.ShouldContain(mine);
        card.ShouldContain(now);
    }

    [Fact]
    public async Task In_the_channel_the_check_in_commands_point_to_the_personal_chat()
    {
        var (app, world) = await CreateAsync();
        await using var _ = app;

        await app.PostAsync(app.Teams.ChannelMention("check-in nu", Megan));
        world.LastReplyText().ShouldStartWith("Check-ins zijn persoonlijk");
        await app.PostAsync(app.Teams.ChannelMention("mijn check-ins", Megan));
        world.LastReplyText().ShouldStartWith("Check-ins zijn persoonlijk");
        (await app.QueryAsync(db => db.CheckIns.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task A_paused_member_cannot_answer()
    {
        var (app, world) = await CreateAsync();
        await using var _ = app;
        var checkIn = await OpenAsync(app, world.CommunityId);
        await app.QueryAsync(db => db.Memberships.Where(m => m.PersonId == world.Id(Adele))
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.PausedFrom, app.Clock.GetUtcNow().AddHours(-1))));

        MessageText(await AnswerAsync(app, Form(app, checkIn, world.CommunityId, 4), Adele)).ShouldStartWith("Alleen actieve leden");
        (await ResponseCountAsync(app)).ShouldBe(0);
    }

    [Fact]
    public async Task Stored_rows_hold_a_keyed_hash_and_no_member_id_or_name()
    {
        var (app, world) = await CreateAsync();
        await using var _ = app;
        var checkIn = await OpenAsync(app, world.CommunityId);
        await AnswerAsync(app, Form(app, checkIn, world.CommunityId, 4, "Fijne groep"), Megan);

        await app.QueryAsync(db =>
        {
            db.Model.FindEntityType(typeof(CheckInResponse))!.GetProperties().Select(p => p.Name)
                .ShouldBe(["Id", "AnsweredAt", "ChangedAt", "CheckInId", "Comment", "KeyVersion", "Pseudonym"], ignoreOrder: true);
            db.Model.FindEntityType(typeof(CheckInAnswer))!.GetProperties().Select(p => p.Name).ShouldBe(["Id", "ItemId", "ResponseId", "Value"], ignoreOrder: true);
            return Task.FromResult(0);
        });
        var row = await app.QueryAsync(db => db.CheckInResponses.AsNoTracking().SingleAsync());
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(TestSecret),
            Encoding.UTF8.GetBytes($"check-in:community:{world.CommunityId}:member:{world.Id(Megan)}")));
        row.Pseudonym.ShouldBe(expected);
        row.KeyVersion.ShouldBe(1);
        // Kept to the day, so the moment cannot be matched with another row written in the same turn.
        row.AnsweredAt.ShouldBe(new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero));
        var everything = string.Join("|", row.Pseudonym, row.Comment, row.CheckInId, row.Id);
        everything.ShouldNotContain("Megan");
        everything.ShouldNotContain("megan");
        row.Pseudonym.ShouldNotContain(world.Id(Megan).ToString(System.Globalization.CultureInfo.InvariantCulture) + ":");
    }

    [Fact]
    public async Task The_same_member_has_one_key_within_a_community_and_another_in_each_other_community()
    {
        var (app, world) = await CreateAsync();
        await using var _ = app;

        var keys = await WithAsync(app, sp =>
        {
            var pseudonyms = sp.GetRequiredService<CheckInPseudonyms>();
            return Task.FromResult((
                Same: pseudonyms.For(world.CommunityId, world.Id(Megan)) == pseudonyms.For(world.CommunityId, world.Id(Megan)),
                OtherCommunity: pseudonyms.For(world.CommunityId + 1, world.Id(Megan)),
                Mine: pseudonyms.For(world.CommunityId, world.Id(Megan)),
                Adele: pseudonyms.For(world.CommunityId, world.Id(Adele))));
        });

        keys.Same.ShouldBeTrue();
        keys.Mine.Length.ShouldBe(CheckInPseudonyms.KeyLength);
        keys.OtherCommunity.ShouldNotBe(keys.Mine);
        keys.Adele.ShouldNotBe(keys.Mine);
    }

    [Theory]
    [InlineData(Language.Dutch, "Mijn check-ins: Wiskunde eerste graad", "Je hebt hier nog geen check-in ingevuld.")]
    [InlineData(Language.English, "My check-ins: Wiskunde eerste graad", "You have not answered a check-in here yet.")]
    public async Task My_check_ins_shows_the_members_own_trend_over_the_rounds_they_answered(Language language, string title, string none)
    {
        var (app, world) = await CreateAsync(language);
        await using var _ = app;
        var command = language == Language.English ? "my check-ins" : "mijn check-ins";
        await app.PostAsync(app.Teams.Message(command, Megan, Locale(language)));
        world.LastReplyCard().ShouldContain(none);

        var first = await OpenAsync(app, world.CommunityId);
        await AnswerAsync(app, Form(app, first, world.CommunityId, 2), Megan, language);
        app.Clock.Advance(TimeSpan.FromDays(30));
        var second = await OpenAsync(app, world.CommunityId);
        await AnswerAsync(app, Form(app, second, world.CommunityId, 4), Megan, language);
        // The round's invitation goes out through the outbox; let it arrive first, so the last card is the answer.
        await app.DeliveryIdleAsync();
        await app.PostAsync(app.Teams.Message(command, Megan, Locale(language)));

        var card = world.LastReplyCard();
        card.ShouldContain(title);
        card.ShouldContain("\"type\":\"Chart.Line\"");
        card.ShouldContain("\"y\":2");
        card.ShouldContain("\"y\":4");
        await app.PostAsync(app.Teams.Message(command, Coach, Locale(language)));
        world.LastReplyText().ShouldNotContain("Chart");
    }

    [Fact]
    public async Task Every_check_in_card_is_valid_with_the_official_renderer_charts_included()
    {
        var (app, world) = await CreateAsync();
        await using var _ = app;
        var first = await OpenAsync(app, world.CommunityId);
        await AnswerAsync(app, Form(app, first, world.CommunityId, 2, "Opmerking"), Megan);
        app.Clock.Advance(new CheckInsOptions().Window);
        var second = await OpenAsync(app, world.CommunityId);
        await AnswerAsync(app, Form(app, second, world.CommunityId, 4), Megan);
        var person = await app.QueryAsync(db => db.People.SingleAsync(p => p.Id == world.Id(Megan)));
        var minimum = 4;

        Dictionary<string, AdaptiveCard> cards = [];
        foreach (var language in Enum.GetValues<Language>())
        {
            var tag = language.CardLang();
            var own = await WithAsync(app, sp => sp.GetRequiredService<CheckInBook>().OwnAsync(person, world.CommunityId, CancellationToken.None));
            var empty = own with { Rounds = [.. own.Rounds.Select(r => r with { Answers = null, Comment = null })] };
            cards[$"form-{tag}"] = CheckInCard.Build(empty, empty.Round(second)!, minimum, app.Clock.GetUtcNow(), language);
            cards[$"form-prefilled-{tag}"] = CheckInCard.Build(own, own.Round(second)!, minimum, app.Clock.GetUtcNow(), language);
            cards[$"thanks-first-{tag}"] = CheckInThanksCard.Build(own, own.Round(first)!, canChange: false, app.Clock.GetUtcNow(), language);
            cards[$"thanks-against-previous-{tag}"] = CheckInThanksCard.Build(own, own.Round(second)!, canChange: true, app.Clock.GetUtcNow(), language);
            cards[$"mine-{tag}"] = MyCheckInsCard.Build(own, language);
            cards[$"mine-none-{tag}"] = MyCheckInsCard.Build(empty, language);
        }

        CardValidator.AssertAllValid(cards);
    }
}
