using System.Net;
using System.Text.Json;
using CommunityBot.Localization;
using CommunityBot.Privacy;
using CommunityBot.Tests.Agreements;
using CommunityBot.Tests.CheckIns;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.Agreements.AgreementWorld;

namespace CommunityBot.Tests.Privacy;

/// <summary>"Export my data": a one-time link, valid 15 minutes, to a JSON file with the member's data and nobody else's.</summary>
public sealed class DataExportTests
{
    [Theory]
    [InlineData(Language.Dutch, "mijn gegevens", "Je gegevens", "Downloaden")]
    [InlineData(Language.English, "export my data", "Your data", "Download")]
    public async Task The_link_gives_the_members_own_data_once_and_never_another_members_check_in_answers(
        Language language, string command, string title, string button)
    {
        var (app, world) = await CheckInWorld.CreateAsync(language);
        await using var _ = app;
        await PersonErasureTests.LiveAPartOfLifeAsync(app, world, language);

        await app.PostAsync(app.Teams.Message(command, Megan, CheckInWorld.Locale(language)));
        var card = world.LastReplyCard();
        card.ShouldContain(title);
        using var client = app.CreateClient();
        using var download = await client.GetAsync(LinkOf(card, button), TestContext.Current.CancellationToken);

        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        var json = await download.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        using var data = JsonDocument.Parse(json);
        var root = data.RootElement;
        root.GetProperty("person").GetProperty("displayName").GetString().ShouldBe("Megan Bowen");
        root.GetProperty("person").GetProperty("email").GetString().ShouldBe("megan@school.be");
        root.GetProperty("memberships").EnumerateArray().Single().GetProperty("community").GetString().ShouldBe("Wiskunde eerste graad");
        root.GetProperty("agreements").EnumerateArray().Select(a => a.GetProperty("text").GetString()).ShouldBe(["Toets hoofdstuk 4 nakijken", "Oefenbundel delen"]);
        root.GetProperty("agreementAnswers").EnumerateArray().Single().GetProperty("comment").GetString().ShouldBe("Welk hoofdstuk?");
        root.GetProperty("regrets").EnumerateArray().Single().GetProperty("reason").GetString().ShouldBe("Oudercontact");
        root.GetProperty("checkIns").EnumerateArray().Single().GetProperty("comment").GetString().ShouldBe("Meer tijd samen");
        root.GetProperty("weeklyDigest").GetProperty("subscribed").GetBoolean().ShouldBeFalse();
        root.GetProperty("conversations").EnumerateArray().Single().GetProperty("conversationId").GetString().ShouldBe(TeamsActivities.PersonalChatOf(Megan));
        root.GetProperty("intervisionGroups").EnumerateArray().Single().GetString().ShouldBe("Intervisie");
        // Adele's check-in answer is in the same round; it is not Megan's to take.
        json.ShouldNotContain("Adele");

        using var again = await client.GetAsync(LinkOf(card, button), TestContext.Current.CancellationToken);
        again.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_link_older_than_15_minutes_a_forged_one_and_one_of_an_erased_person_all_answer_404()
    {
        var (app, world) = await CheckInWorld.CreateAsync();
        await using var _ = app;
        using var client = app.CreateClient();

        await app.PostAsync(app.Teams.Message("mijn gegevens", Megan));
        var expired = LinkOf(world.LastReplyCard(), "Downloaden");
        app.Clock.Advance(ExportLinks.ValidFor);
        (await client.GetAsync(expired, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        await app.PostAsync(app.Teams.Message("mijn gegevens", Megan));
        var link = LinkOf(world.LastReplyCard(), "Downloaden");
        var forged = link[..^3] + (link[^3..] == "AAA" ? "BBB" : "AAA");
        (await client.GetAsync(forged, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync(ExportLinks.Path + "/not-a-token", TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        await app.InvokeAsync(app.Teams.Execute(PrivacyVerbs.ConfirmErase, new EraseData(world.Id(Megan)), "card-9", Megan));
        (await client.GetAsync(link, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task In_a_channel_the_command_points_to_the_personal_chat()
    {
        var (app, world) = await CheckInWorld.CreateAsync(Language.English);
        await using var _ = app;

        await app.PostAsync(app.Teams.ChannelMention("export my data", Megan));

        world.LastReplyText().ShouldStartWith("Seeing or erasing your data happens only in your one-to-one chat with me");
    }

    /// <summary>The path of the card's download button (the test client talks to the host in process).</summary>
    private static string LinkOf(string card, string button)
    {
        using var json = JsonDocument.Parse(card);
        var url = json.RootElement.GetProperty("actions").EnumerateArray().Single(a => a.GetProperty("title").GetString() == button).GetProperty("url").GetString()!;
        return new Uri(url).PathAndQuery;
    }
}
