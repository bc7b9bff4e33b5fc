using System.Globalization;
using System.Text.Json;
using Shouldly;
using Xunit;

namespace CommunityBot.Tests.EndToEnd;

/// <summary>
/// In the Agents Playground the coach (Alex) types as people do: a typo is understood, and a date and time typed after
/// a mistyped "sessie plannen" fill in the planning form.
/// </summary>
public sealed class UnderstandingPlaygroundTests : IAsyncLifetime
{
    private readonly string workingDirectory = Directory.CreateTempSubdirectory("communitybot-e2e-").FullName;
    private readonly List<string> transcript = [];
    private AgreementsPlaygroundSession? session;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join(Environment.NewLine, transcript));
        if (session is not null)
        {
            await session.DisposeAsync();
        }
        Directory.Delete(workingDirectory, recursive: true);
    }

    [Fact]
    public async Task A_typo_is_understood_and_a_typed_date_prefills_the_session_form()
    {
        session = await AgreementsPlaygroundSession.StartAsync(workingDirectory, transcript);
        await session.Playground.InstallAsync();
        await session.ExpectAsync("install", m => m.Card is not null);

        await session.SayAsync("volgnde sessie");
        // The next session's card names the community; "not understood" would not.
        await session.ExpectAsync("the next session", m => m.Card is not null && m.CardText.Contains("Wiskunde eerste graad", StringComparison.Ordinal));

        await session.SayAsync("sesie plannen volgende woensdag om 15u30");
        var form = await session.ExpectAsync("the planning form", m => m.Card is { } card && HasInput(card, "date"));

        var date = Input(form.Card!.Value, "date");
        var today = DateOnly.ParseExact(date.GetProperty("min").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var wednesday = today.AddDays(((int)DayOfWeek.Wednesday - (int)today.DayOfWeek + 6) % 7 + 1);
        date.GetProperty("value").GetString().ShouldBe(wednesday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Input(form.Card!.Value, "time").GetProperty("value").GetString().ShouldBe("15:30");
    }

    private static bool HasInput(JsonElement card, string id) => Inputs(card, id).Any();

    private static JsonElement Input(JsonElement card, string id) => Inputs(card, id).Single();

    private static IEnumerable<JsonElement> Inputs(JsonElement card, string id) =>
        card.GetProperty("body").EnumerateArray().Where(e => e.TryGetProperty("id", out var i) && i.GetString() == id);
}
