using System.Text.Json;
using CommunityBot.Agreements;
using CommunityBot.Delivery;
using CommunityBot.Localization;
using CommunityBot.Teams.Cards;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.Agreements.AgreementWorld;

namespace CommunityBot.Tests.Agreements;

/// <summary>
/// Help is between a member and the coach; "won't make it" reaches the group only when the member chose that on a card
/// that said so before the tap; the channel never lists people by what they did not do.
/// </summary>
public sealed class AnswerPrivacyTests
{
    /// <summary>Monday 16 March 2026, 16:00 in Brussels: the 7-day reminder for the session of 23 March.</summary>
    private static readonly DateTimeOffset SevenDaysBefore = new(2026, 3, 16, 15, 0, 0, TimeSpan.Zero);

    private const string Text = "Lesvoorbereiding H3 afwerken";

    private static async Task<(BotApplication App, AgreementWorld World, long AgreementId)> WithAgreementAsync(Language language)
    {
        var app = await BotApplication.StartAsync();
        var world = await CreateAsync(app);
        await app.QueryAsync(async db =>
        {
            // Chosen, so the coach's Dutch recording turn does not switch it back.
            await db.People.ExecuteUpdateAsync(set => set.SetProperty(p => p.Language, language).SetProperty(p => p.LanguageChosen, true));
            return await db.Communities.ExecuteUpdateAsync(set => set.SetProperty(c => c.Language, language));
        });
        await world.RecordViaCardAsync("Finish", Text, $"{world.Id(Megan)},{world.Id(Adele)}", $"{world.Id(Tom)}");
        var id = await app.QueryAsync(db => db.Agreements.Select(a => a.Id).SingleAsync());
        return (app, world, id);
    }

    private static string Locale(Language language) => language == Language.English ? "en-US" : "nl-BE";

    private static Task<InvokeResponse> WontMakeItAsync(BotApplication app, long id, string? audience, Language language) =>
        app.InvokeAsync(app.Teams.Execute(AgreementVerbs.Answer, new AnswerData(id, AgreementAnswers.WontMakeIt, AgreementCardViews.Reminder, audience), "card-2", Megan, Locale(language)));

    private static async Task<List<OutboxMessage>> ChannelMessagesAsync(AgreementWorld world) =>
        [.. (await world.OutboxAsync()).Where(m => m.ConversationRowId == world.ChannelRowId)];

    private static string Shown(OutboxMessage message) => message.Text ?? Readable(message.Card!.Value.GetRawText());

    [Theory]
    [InlineData(Language.Dutch, "Hulp gevraagd", "Adele Vance vraagt hulp bij de afspraak 'Lesvoorbereiding H3 afwerken': Welk hoofdstuk?")]
    [InlineData(Language.English, "Help asked", "Adele Vance asks for help with the agreement 'Lesvoorbereiding H3 afwerken': Welk hoofdstuk?")]
    public async Task A_help_request_and_its_comment_reach_the_coach_alone_and_the_channel_summary_shows_neither(Language language, string helpStatus, string alert)
    {
        var (app, world, id) = await WithAgreementAsync(language);
        await using var _ = app;
        await world.RecordViaCardAsync("Provide", "Oefenbundel delen", $"{world.Id(Megan)}");
        var second = await app.QueryAsync(db => db.Agreements.Where(a => a.Id != id).Select(a => a.Id).SingleAsync());

        var help = new Dictionary<string, object?>
        {
            ["agreementId"] = id,
            ["answer"] = AgreementAnswers.NeedHelp,
            ["view"] = AgreementCardViews.Reminder,
            [ReminderCard.CommentInputId(id)] = "Welk hoofdstuk?",
        };
        await app.InvokeAsync(app.Teams.Execute(AgreementVerbs.Answer, help, "card-3", Adele, Locale(language)));
        var summariesAfterHelp = (await ChannelMessagesAsync(world)).Count;
        // A "done" on the other agreement redraws the summary, which must still not show the help request.
        await app.InvokeAsync(app.Teams.Execute(AgreementVerbs.Answer, new AnswerData(second, AgreementAnswers.Done, AgreementCardViews.Reminder), "card-4", Megan, Locale(language)));

        var channel = await ChannelMessagesAsync(world);
        channel.Count.ShouldBe(summariesAfterHelp + 1);
        channel.ShouldAllBe(m => m.Purpose == "agreement-summary");
        var summary = Shown(channel[^1]);
        summary.ShouldContain(Text);
        summary.ShouldContain(language == Language.English ? "✓ Done" : "✓ Klaar");
        channel.ShouldAllBe(m => !Shown(m).Contains(helpStatus) && !Shown(m).Contains("Welk hoofdstuk?"));
        var toCoach = (await world.OutboxAsync()).Single(m => m.Purpose == "agreement-answer");
        toCoach.PersonId.ShouldBe(world.Id(Coach));
        toCoach.Text.ShouldBe(alert);
    }

    [Theory]
    [InlineData(Language.Dutch, "Lukt niet", "Megan Bowen laat weten dat 'Lesvoorbereiding H3 afwerken' niet lukt tegen de volgende sessie. Dit bericht is alleen voor jou: de groep kreeg geen bericht.")]
    [InlineData(Language.English, "Won't make it", "Megan Bowen lets you know that 'Lesvoorbereiding H3 afwerken' won't be ready by the next session. This is for you only: the group was not told.")]
    public async Task Wont_make_it_for_only_the_coach_sends_nothing_to_the_channel_and_tells_the_coach(Language language, string status, string notice)
    {
        var (app, world, id) = await WithAgreementAsync(language);
        await using var _ = app;
        var channelBefore = await ChannelMessagesAsync(world);

        var response = await WontMakeItAsync(app, id, AgreementAudiences.Coach, language);

        CardJson(response).ShouldContain(status);
        (await ChannelMessagesAsync(world)).Count.ShouldBe(channelBefore.Count);
        // Another agreement done later redraws the summary: it still does not show who won't make it.
        await world.RecordViaCardAsync("Provide", "Oefenbundel delen", $"{world.Id(Adele)}");
        var second = await app.QueryAsync(db => db.Agreements.Where(a => a.Id != id).Select(a => a.Id).SingleAsync());
        await app.InvokeAsync(app.Teams.Execute(AgreementVerbs.Answer, new AnswerData(second, AgreementAnswers.Done, AgreementCardViews.Reminder), "card-3", Adele, Locale(language)));
        var channel = await ChannelMessagesAsync(world);
        channel.ShouldAllBe(m => m.Purpose == "agreement-summary" && !Shown(m).Contains(status));
        Shown(channel[^1]).ShouldContain(language == Language.English ? "✓ Done" : "✓ Klaar");
        var toCoach = (await world.OutboxAsync()).Single(m => m.Purpose == "agreement-answer");
        toCoach.PersonId.ShouldBe(world.Id(Coach));
        toCoach.Text.ShouldBe(notice);
        var stored = await app.QueryAsync(db => db.Agreements.Include(a => a.History).Include(a => a.Owners).SingleAsync(a => a.Id == id));
        stored.Owners.Single(o => o.PersonId == world.Id(Megan)).Status.ShouldBe(AgreementStatus.WontMakeIt);
        stored.Status.ShouldBe(AgreementStatus.Open, "Adele still has it to do");
        stored.History.Single().PersonId.ShouldBe(world.Id(Megan));
    }

    [Theory]
    [InlineData(Language.Dutch, "Megan Bowen laat weten dat 'Lesvoorbereiding H3 afwerken' niet lukt tegen de volgende sessie. Zo weet de groep het op voorhand.")]
    [InlineData(Language.English, "Megan Bowen lets you know that 'Lesvoorbereiding H3 afwerken' won't be ready by the next session, so the group knows in advance.")]
    public async Task Wont_make_it_for_the_group_posts_the_named_message_in_the_channel(Language language, string message)
    {
        var (app, world, id) = await WithAgreementAsync(language);
        await using var _ = app;

        await WontMakeItAsync(app, id, AgreementAudiences.Group, language);

        var notice = (await world.OutboxAsync()).Single(m => m.Purpose == "agreement-answer");
        notice.ConversationRowId.ShouldBe(world.ChannelRowId);
        notice.Text.ShouldBe(message);
        // The summary beside it lists no one by what they did not do.
        (await ChannelMessagesAsync(world)).Where(m => m.Purpose == "agreement-summary").ShouldAllBe(m => !Shown(m).Contains(language == Language.English ? "Won't make it" : "Lukt niet"));
    }

    [Fact]
    public async Task A_wont_make_it_button_from_before_the_choice_existed_tells_only_the_coach()
    {
        var (app, world, id) = await WithAgreementAsync(Language.Dutch);
        await using var _ = app;

        await WontMakeItAsync(app, id, audience: null, Language.Dutch);

        (await world.OutboxAsync()).Single(m => m.Purpose == "agreement-answer").PersonId.ShouldBe(world.Id(Coach));
    }

    [Theory]
    [InlineData(Language.Dutch, "Lukt niet", "Wie mag het weten? Met 'Zeg het de groep' krijgt de groep een bericht in het kanaal, met je naam. Met 'Alleen de coach' hoort alleen de coach het.", "Zeg het de groep", "Alleen de coach")]
    [InlineData(Language.English, "Won't make it", "Who should know? With 'Tell the group' the group will be told in the channel, with your name. With 'Only the coach' only the coach hears it.", "Tell the group", "Only the coach")]
    public async Task The_reminder_and_my_agreements_say_who_hears_wont_make_it_before_anything_is_sent(Language language, string button, string explanation, string group, string coach)
    {
        var (app, world, id) = await WithAgreementAsync(language);
        await using var _ = app;

        await world.AtAsync<ReminderSweep>(SevenDaysBefore);
        var reminder = (await world.OutboxAsync()).First(m => m.Purpose == "reminder" && m.PersonId == world.Id(Megan)).Card!.Value;
        await app.PostAsync(app.Teams.Message(language == Language.English ? "my agreements" : "mijn afspraken", Megan, Locale(language)));
        await app.Connector.WaitUntilAsync(() => app.Connector.SentActivities.Any(r => r.ConversationId == TeamsActivities.PersonalChatOf(Megan)), TimeSpan.FromSeconds(10));
        var mine = app.Connector.SentActivities.Last(r => r.ConversationId == TeamsActivities.PersonalChatOf(Megan)).Activity!.Attachments!.Single().Content!.Value;

        foreach (var card in new[] { reminder, mine })
        {
            var wont = Actions(card).Single(a => a.TryGetProperty("title", out var title) && title.GetString() == button);
            wont.GetProperty("type").GetString().ShouldBe("Action.ShowCard");
            var choice = wont.GetProperty("card");
            choice.GetProperty("body")[0].GetProperty("text").GetString().ShouldBe(explanation);
            var choices = choice.GetProperty("actions").EnumerateArray().ToList();
            choices.Select(c => (c.GetProperty("type").GetString(), c.GetProperty("title").GetString())).ShouldBe([("Action.Execute", group), ("Action.Execute", coach)]);
            choices.Select(c => c.GetProperty("data").GetProperty("audience").GetString()).ShouldBe([AgreementAudiences.Group, AgreementAudiences.Coach]);
            choices.ShouldAllBe(c => c.GetProperty("data").GetProperty("agreementId").GetInt64() == id);
        }
        (await world.OutboxAsync()).ShouldNotContain(m => m.Purpose == "agreement-answer");
    }

    [Theory]
    [InlineData(Language.Dutch, "Lukt niet", "Deze leergemeenschap heeft geen kanaal: alleen de coach krijgt een bericht.", "Laat het de coach weten", "Dit bericht is alleen voor jou")]
    [InlineData(Language.English, "Won't make it", "This learning community has no channel: only the coach will be told.", "Tell the coach", "This is for you only")]
    public async Task Without_a_channel_the_card_offers_only_the_coach_and_says_so(Language language, string button, string explanation, string tellCoach, string notice)
    {
        var (app, world, id) = await WithAgreementAsync(language);
        await using var _ = app;
        await app.QueryAsync(db => db.Communities.ExecuteUpdateAsync(set => set.SetProperty(c => c.ChannelConversationId, (long?)null)));

        await world.AtAsync<ReminderSweep>(SevenDaysBefore);
        var reminder = (await world.OutboxAsync()).First(m => m.Purpose == "reminder" && m.PersonId == world.Id(Megan)).Card!.Value;
        var choice = Actions(reminder).Single(a => a.TryGetProperty("title", out var title) && title.GetString() == button).GetProperty("card");
        choice.GetProperty("body")[0].GetProperty("text").GetString().ShouldBe(explanation);
        var only = choice.GetProperty("actions").EnumerateArray().ShouldHaveSingleItem();
        only.GetProperty("title").GetString().ShouldBe(tellCoach);
        only.GetProperty("data").GetProperty("audience").GetString().ShouldBe(AgreementAudiences.Coach);

        await WontMakeItAsync(app, id, AgreementAudiences.Coach, language);

        var toCoach = (await world.OutboxAsync()).Single(m => m.Purpose == "agreement-answer");
        toCoach.PersonId.ShouldBe(world.Id(Coach));
        toCoach.Text!.ShouldContain(notice);
    }

    /// <summary>Every action on a card, at any depth (card actions and action sets).</summary>
    private static IEnumerable<JsonElement> Actions(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty("type", out var type) && type.GetString()?.StartsWith("Action.", StringComparison.Ordinal) == true)
            {
                yield return element;
            }
            foreach (var property in element.EnumerateObject())
            {
                foreach (var action in Actions(property.Value))
                {
                    yield return action;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var action in element.EnumerateArray().SelectMany(Actions))
            {
                yield return action;
            }
        }
    }
}
