using System.Text.Json;
using CommunityBot.Agreements;
using CommunityBot.Communities;
using CommunityBot.Delivery;
using CommunityBot.Localization;
using CommunityBot.Teams.Schema;
using CommunityBot.Tests.Delivery;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.Agreements.AgreementWorld;

namespace CommunityBot.Tests.Agreements;

/// <summary>
/// A help request starts a thread between the member and the coach: the coach answers on the alert card, the member
/// gets the reply in their own chat and answers back once, and the agreement's history keeps both sides.
/// </summary>
public sealed class HelpThreadTests
{
    private const string Text = "Lesvoorbereiding H3 afwerken";

    private static async Task<(BotApplication App, AgreementWorld World, long AgreementId)> WithHelpRequestAsync()
    {
        var app = await BotApplication.StartAsync();
        var world = await CreateAsync(app);
        await world.RecordViaCardAsync("Finish", Text, $"{world.Id(Megan)},{world.Id(Adele)}");
        var id = await app.QueryAsync(db => db.Agreements.Select(a => a.Id).SingleAsync());
        // Megan reads English: what reaches her is in her language.
        await app.QueryAsync(db => db.People.Where(p => p.Id == world.Id(Megan))
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.Language, Language.English).SetProperty(p => p.LanguageChosen, true)));
        var help = new Dictionary<string, object?>
        {
            ["agreementId"] = id,
            ["answer"] = AgreementAnswers.NeedHelp,
            ["view"] = AgreementCardViews.Reminder,
            [ReminderCard.CommentInputId(id)] = "Welk hoofdstuk bedoelen we?",
        };
        await app.InvokeAsync(app.Teams.Execute(AgreementVerbs.Answer, help, "reminder-1", Megan, "en-US"));
        return (app, world, id);
    }

    /// <summary>The card the person got last in their 1:1 chat whose text has <paramref name="marker"/>, once delivered.</summary>
    private static async Task<JsonElement> ReceivedAsync(BotApplication app, ChannelAccount to, string marker)
    {
        bool Mine(FakeConnectorRequestView r) => r.ConversationId.EndsWith(to.Id, StringComparison.Ordinal) && r.Card.Contains(marker, StringComparison.Ordinal);
        // The outbox paces sends per conversation on the fake clock: time moves on until the card is there.
        await app.AdvanceUntilAsync(() => Views(app).Any(Mine), TimeSpan.FromMilliseconds(200), TimeSpan.FromMinutes(1));
        return Json(Views(app).Last(Mine).Card);
    }

    private sealed record FakeConnectorRequestView(string ConversationId, string Card);

    private static List<FakeConnectorRequestView> Views(BotApplication app) =>
    [
        .. app.Connector.SentActivities
            .Where(r => r.ConversationId is not null && r.Activity?.Attachments is { Count: > 0 })
            .Select(r => new FakeConnectorRequestView(r.ConversationId!, Readable(r.Activity!.Attachments![0].Content!.Value.GetRawText()))),
    ];

    private static HelpData HelpButton(JsonElement card)
    {
        var data = card.GetProperty("actions").EnumerateArray().Single(a => a.GetProperty("verb").GetString() == AgreementVerbs.Help).GetProperty("data");
        return new HelpData(data.GetProperty("agreementId").GetInt64(), data.GetProperty("changeId").GetInt64());
    }

    private static Task<Teams.Cards.InvokeResponse> AnswerAsync(BotApplication app, HelpData data, string? words, ChannelAccount by, string locale = "nl-BE") =>
        app.InvokeAsync(app.Teams.Execute(AgreementVerbs.Help,
            new Dictionary<string, object?> { ["agreementId"] = data.AgreementId, ["changeId"] = data.ChangeId, [HelpCards.ReplyInputId] = words }, "help-card", by, locale));

    [Fact]
    public async Task The_coach_answers_a_help_request_the_member_answers_back_once_and_the_history_keeps_both()
    {
        var (app, world, id) = await WithHelpRequestAsync();
        await using var _ = app;

        var alert = await ReceivedAsync(app, Coach, "Megan Bowen heeft hulp nodig");
        alert.GetRawText().ShouldContain("Welk hoofdstuk bedoelen we?");
        alert.GetRawText().ShouldContain(Text);
        var sent = CardJson(await AnswerAsync(app, HelpButton(alert), "Hoofdstuk 3 van het nieuwe handboek, de map staat in Bestanden.", Coach));
        sent.ShouldContain("✓ Verstuurd naar Megan Bowen");
        sent.ShouldContain("Hoofdstuk 3 van het nieuwe handboek");
        sent.ShouldNotContain(AgreementVerbs.Help);

        var reply = await ReceivedAsync(app, Megan, "Lien Coach answers your request for help");
        reply.GetRawText().ShouldContain("Hoofdstuk 3 van het nieuwe handboek");
        reply.GetRawText().ShouldContain("You can answer once.");
        reply.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("title").GetString()).ShouldBe(["Answer", "✓ Done"]);
        var back = CardJson(await AnswerAsync(app, HelpButton(reply), "Gevonden, dank je!", Megan, "en-US"));
        back.ShouldContain("✓ Sent to Lien Coach");
        var twice = CardJson(await AnswerAsync(app, HelpButton(reply), "Nog iets anders", Megan, "en-US"));
        twice.ShouldContain("✓ Sent to Lien Coach");
        twice.ShouldContain("Gevonden, dank je!");

        var answered = await ReceivedAsync(app, Coach, "Megan Bowen antwoordt");
        answered.GetRawText().ShouldContain("Gevonden, dank je!");
        var history = await app.QueryAsync(db => db.AgreementChanges.AsNoTracking().Where(c => c.AgreementId == id).OrderBy(c => c.Id).ToListAsync());
        history.Select(h => (h.Kind, h.PersonId, h.Comment)).ShouldBe(
        [
            (AgreementChangeKind.Answer, world.Id(Megan), "Welk hoofdstuk bedoelen we?"),
            (AgreementChangeKind.HelpReply, world.Id(Coach), "Hoofdstuk 3 van het nieuwe handboek, de map staat in Bestanden."),
            (AgreementChangeKind.HelpAnswer, world.Id(Megan), "Gevonden, dank je!"),
        ]);
        history[1].InReplyToId.ShouldBe(history[0].Id);
        history[2].InReplyToId.ShouldBe(history[1].Id);
        (await app.QueryAsync(db => db.Agreements.SingleAsync())).Status.ShouldBe(AgreementStatus.NeedHelp);
        (await world.OutboxAsync()).Where(m => m.Purpose == HelpThread.Purpose).Select(m => (m.DedupeKey, m.PersonId))
            .ShouldBe([($"help-thread:{history[1].Id}", world.Id(Megan)), ($"help-thread:{history[2].Id}", world.Id(Coach))]);
    }

    [Fact]
    public async Task The_member_can_mark_the_agreement_done_from_the_reply()
    {
        var (app, _, _) = await WithHelpRequestAsync();
        await using var __ = app;
        var alert = await ReceivedAsync(app, Coach, "Megan Bowen heeft hulp nodig");
        await AnswerAsync(app, HelpButton(alert), "Hoofdstuk 3.", Coach);
        var reply = await ReceivedAsync(app, Megan, "Lien Coach answers");

        var done = reply.GetProperty("actions").EnumerateArray().Single(a => a.GetProperty("verb").GetString() == AgreementVerbs.Answer).GetProperty("data");
        var answer = await app.InvokeAsync(app.Teams.Execute(AgreementVerbs.Answer, JsonSerializer.Deserialize<Dictionary<string, object?>>(done.GetRawText())!, "reply-card", Megan, "en-US"));

        CardJson(answer).ShouldContain("✓ Done");
        (await app.QueryAsync(db => db.Set<AgreementOwner>().SingleAsync(o => o.Person.AadObjectId == Megan.AadObjectId))).Status.ShouldBe(AgreementStatus.Done);
    }

    [Fact]
    public async Task Forged_ids_another_owner_a_member_and_a_coach_of_another_community_get_the_same_refusal_and_nothing_is_sent()
    {
        var (app, world, id) = await WithHelpRequestAsync();
        await using var _ = app;
        var alert = await ReceivedAsync(app, Coach, "Megan Bowen heeft hulp nodig");
        var request = HelpButton(alert);
        await AnswerAsync(app, request, "Hoofdstuk 3.", Coach);
        var reply = HelpButton(await ReceivedAsync(app, Megan, "Lien Coach answers"));
        // Olivia coaches a community of her own in the same school group.
        await app.QueryAsync(async db =>
        {
            var other = new Community { TenantId = TeamsActivities.TenantId, Name = "Frans tweede graad", CreatedAt = app.Clock.GetUtcNow() };
            other.Memberships.Add(new Membership { PersonId = world.Id(Outsider), Role = CommunityRole.Coach, JoinedAt = app.Clock.GetUtcNow() });
            db.Communities.Add(other);
            return await db.SaveChangesAsync();
        });
        var before = (await app.QueryAsync(db => db.AgreementChanges.CountAsync()), (await world.OutboxAsync()).Count);

        var refusals = new[]
        {
            await AnswerAsync(app, reply, "Ik ook!", Adele),
            await AnswerAsync(app, request, "Ik help wel", Tom),
            await AnswerAsync(app, request, "Ik help wel", Outsider),
            await AnswerAsync(app, request with { ChangeId = 999_999 }, "Hallo", Coach),
            await AnswerAsync(app, request with { AgreementId = 999_999 }, "Hallo", Coach),
            await AnswerAsync(app, reply, "Zelf antwoorden", Coach),
        };

        refusals.Select(MessageText).ShouldAllBe(t => t == "Dat bericht of die afspraak vind ik niet. Er is niets verstuurd.");
        MessageText(await AnswerAsync(app, request, "   ", Coach)).ShouldBe("Schrijf eerst je antwoord. Er is niets verstuurd.");
        MessageText(await AnswerAsync(app, reply, "Missing", Adele, "en-US")).ShouldBe("I can't find that message or agreement. Nothing was sent.");
        (await app.QueryAsync(db => db.AgreementChanges.CountAsync()), (await world.OutboxAsync()).Count).ShouldBe(before);
        var again = CardJson(await AnswerAsync(app, request, "Nog een tweede antwoord", Coach));
        again.ShouldContain("✓ Verstuurd naar Megan Bowen");
        again.ShouldContain("Hoofdstuk 3.");
        (await app.QueryAsync(db => db.AgreementChanges.CountAsync(c => c.AgreementId == id))).ShouldBe(before.Item1);
    }
}
