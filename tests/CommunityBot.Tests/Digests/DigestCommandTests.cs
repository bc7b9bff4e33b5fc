using CommunityBot.Localization;
using CommunityBot.Teams.Schema;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.Digests.DigestWorld;

namespace CommunityBot.Tests.Digests;

/// <summary><c>digest nu</c>, <c>digest uit</c> and <c>digest aan</c> in the personal chat, in Dutch and English.</summary>
public sealed class DigestCommandTests
{
    private static string Locale(Language language) => language == Language.English ? "en-US" : "nl-BE";

    private static async Task<string> SayAsync(DigestWorld world, string text, ChannelAccount who, Language language)
    {
        var response = await world.App.PostAsync(world.App.Teams.Message(text, who, Locale(language)));
        response.IsSuccessStatusCode.ShouldBeTrue();
        return world.LastReplyTo(who);
    }

    [Theory]
    [InlineData(Language.Dutch, "digest nu")]
    [InlineData(Language.English, "digest now")]
    public async Task Digest_now_shows_a_leader_the_communities_she_follows_and_nothing_else(Language language, string command)
    {
        await using var app = await BotApplication.StartAsync();
        var world = await CreateAsync(app, language);

        var card = await SayAsync(world, command, Lynne, language);

        card.ShouldContain("\"type\":\"AdaptiveCard\"");
        card.ShouldContain($"\"lang\":\"{language.CardLang()}\"");
        card.ShouldContain(Wiskunde);
        card.ShouldContain(Nederlands);
        card.ShouldNotContain(Frans);
        card.ShouldNotContain(Geschiedenis);
    }

    [Theory]
    [InlineData(Language.Dutch, "digest nu", "Er is geen digest voor jou", "schoolleiders, procescoaches en coaches van coaches")]
    [InlineData(Language.English, "digest now", "There is no digest for you", "school leaders, process coaches and coaches-the-coach")]
    public async Task Digest_now_tells_a_teacher_and_someone_in_no_community_why_there_is_none(Language language, string command, string none, string why)
    {
        await using var app = await BotApplication.StartAsync();
        var world = await CreateAsync(app, language);

        foreach (var who in new[] { Megan, Olivia })
        {
            var answer = await SayAsync(world, command, who, language);
            answer.ShouldContain(none);
            answer.ShouldContain(why);
        }
    }

    [Fact]
    public async Task In_a_channel_the_digest_is_refused_and_nothing_of_it_is_shown()
    {
        await using var app = await BotApplication.StartAsync();
        var world = await CreateAsync(app);

        var response = await app.PostAsync(app.Teams.ChannelMention("digest nu", Lynne));

        response.IsSuccessStatusCode.ShouldBeTrue();
        var reply = app.Connector.SentActivities.Last().Activity!;
        reply.Text.ShouldNotBeNull().ShouldContain("persoonlijk gesprek");
        reply.Attachments.ShouldBeNull();
    }

    [Theory]
    [InlineData(Language.Dutch, "digest uit", "niet meer", "digest aan", "elke maandag om 07:30", "digest uit")]
    [InlineData(Language.English, "digest off", "no longer", "digest on", "every Monday at 07:30", "digest off")]
    public async Task A_leader_turns_the_weekly_digest_off_gets_none_turns_it_on_and_gets_the_next(
        Language language, string off, string offSays, string on, string onSays, string undo)
    {
        await using var app = await BotApplication.StartAsync(start: new DateTimeOffset(2026, 3, 22, 12, 0, 0, TimeSpan.Zero));
        var world = await CreateAsync(app, language);

        var offAnswer = await SayAsync(world, off, Lynne, language);
        await world.SweepAtAsync(new DateTimeOffset(2026, 3, 23, 6, 30, 0, TimeSpan.Zero));
        var whileOff = await world.DigestsAsync();
        var onAnswer = await SayAsync(world, on, Lynne, language);
        await world.SweepAtAsync(new DateTimeOffset(2026, 3, 30, 5, 30, 0, TimeSpan.Zero));
        var afterOn = (await world.DigestsAsync()).Skip(whileOff.Count).ToList();

        offAnswer.ShouldContain(offSays);
        offAnswer.ShouldContain(on);
        whileOff.Count.ShouldBe(5);
        whileOff.ShouldNotContain(m => m.PersonId == world.Id(Lynne));
        onAnswer.ShouldContain(onSays);
        onAnswer.ShouldContain(undo);
        afterOn.Count.ShouldBe(6);
        afterOn.ShouldContain(m => m.PersonId == world.Id(Lynne));
    }

    [Fact]
    public async Task Digest_now_still_works_after_turning_the_weekly_one_off_and_twice_off_is_no_error()
    {
        await using var app = await BotApplication.StartAsync();
        var world = await CreateAsync(app);

        await SayAsync(world, "digest uit", Alex, Language.Dutch);
        (await SayAsync(world, "digest uit", Alex, Language.Dutch)).ShouldContain("niet meer");
        var card = await SayAsync(world, "digest nu", Alex, Language.Dutch);

        card.ShouldContain(Wiskunde);
        card.ShouldContain(Frans);
    }

    [Theory]
    [InlineData(Language.Dutch, "digest", "Typ `digest nu`")]
    [InlineData(Language.English, "digest please", "Type `digest now`")]
    public async Task Digest_with_anything_else_explains_the_three_commands(Language language, string text, string usage)
    {
        await using var app = await BotApplication.StartAsync();
        var world = await CreateAsync(app, language);

        (await SayAsync(world, text, Lynne, language)).ShouldContain(usage);
    }
}
