using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CommunityBot.Agreements;
using CommunityBot.Bot;
using CommunityBot.Sessions;
using CommunityBot.Teams.Cards;
using CommunityBot.Teams.Schema;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.Agreements.AgreementWorld;

namespace CommunityBot.Tests.Bot;

/// <summary>
/// Forged, stale or broken button data never reaches a feature. The verbs come from the router, so a verb added
/// later is covered without touching this test.
/// </summary>
public sealed class MalformedCardDataTests
{
    private const string PoliteRefusal = "Ik kon niet lezen wat deze knop stuurde, dus er is niets veranderd. Typ 'help' om verder te gaan.";
    private static readonly string[] ChangesOnEveryRequest = ["ProcessedActivities"];

    [Fact]
    public async Task Every_verb_pressed_with_missing_garbage_or_wrongly_typed_data_answers_politely_and_changes_no_row()
    {
        await using var app = await BotApplication.StartAsync();
        await CreateAsync(app);
        await app.PostAsync(app.Teams.Message("help", Coach));
        var verbs = RegisteredVerbs(app);
        verbs.Keys.ShouldContain(AgreementVerbs.Answer);
        verbs.Keys.ShouldContain(SessionVerbs.Plan);
        verbs.Keys.ShouldContain(BotVerbs.SetLanguage);
        var before = await DatabaseSnapshot.TakeAsync(app, ChangesOnEveryRequest);

        var failures = new List<string>();
        foreach (var (verb, dataType) in verbs)
        {
            foreach (var (name, data) in BadData(dataType))
            {
                var answer = await PressAsync(app, app.Teams.Execute(verb, data!, "card-1", Coach));
                if (answer is not null)
                {
                    failures.Add($"{verb} with {name} data: {answer}");
                }
            }
            // Clients without Universal Actions send the same data, verb included, as a message.
            var submitted = await app.PostAsync(app.Teams.Submit(verb, WronglyTyped(dataType), "card-1", Coach));
            if (submitted.StatusCode != HttpStatusCode.OK)
            {
                failures.Add($"{verb} submitted with wrongly typed data: HTTP {(int)submitted.StatusCode}");
            }
        }

        failures.ShouldBeEmpty();
        (await DatabaseSnapshot.TakeAsync(app, ChangesOnEveryRequest)).ShouldBe(before);
    }

    [Fact]
    public async Task Wrongly_typed_data_is_refused_with_a_polite_message_in_the_persons_language()
    {
        await using var app = await BotApplication.StartAsync();
        await CreateAsync(app);

        var response = await app.InvokeAsync(app.Teams.Execute(AgreementVerbs.Answer, new { agreementId = "zeven", answer = 1, view = true }, "card-1", Megan, "en-US"));

        MessageText(response).ShouldBe("I couldn't read what this button sent, so nothing was changed. Type 'help' to carry on.");
    }

    [Theory]
    [InlineData("""{ "action": "agreement.answer", "trigger": "manual" }""")]
    [InlineData("""{ "action": { "type": "Action.Execute", "verb": 42, "data": {} }, "trigger": "manual" }""")]
    [InlineData("""{ "action": { "type": "Action.Execute", "verb": ["agreement.answer"] }, "trigger": "manual" }""")]
    [InlineData("""{ "action": { "type": "Action.Execute", "data": { "agreementId": 1 } } }""")]
    [InlineData("""{ "trigger": "manual" }""")]
    [InlineData("""{ "action": null }""")]
    [InlineData("""{ "action": null, "trigger": "manual" }""")]
    [InlineData("""{ "action": { "type": "Action.Execute" } }""")]
    [InlineData("""{ "action": { "type": null, "verb": null, "data": null }, "trigger": null }""")]
    [InlineData("""{ "action": { "type": "Action.Execute", "verb": "agreement.answer", "data": null }, "trigger": null }""")]
    [InlineData("""null""")]
    [InlineData("""[]""")]
    [InlineData("""{}""")]
    public async Task An_invoke_whose_action_or_verb_is_not_readable_gets_a_polite_message_and_changes_nothing(string value)
    {
        await using var app = await BotApplication.StartAsync();
        await CreateAsync(app);
        var before = await DatabaseSnapshot.TakeAsync(app, ChangesOnEveryRequest);
        var invoke = app.Teams.Execute(AgreementVerbs.Answer, new { }, "card-1", Megan);
        invoke.Value = JsonElement.Parse(value);

        var response = await app.InvokeAsync(invoke);

        MessageText(response).ShouldBe(PoliteRefusal);
        (await DatabaseSnapshot.TakeAsync(app, ChangesOnEveryRequest)).ShouldBe(before);
    }

    [Fact]
    public async Task An_invoke_with_an_unknown_verb_and_null_data_says_the_button_no_longer_works_and_changes_nothing()
    {
        await using var app = await BotApplication.StartAsync();
        await CreateAsync(app);
        var before = await DatabaseSnapshot.TakeAsync(app, ChangesOnEveryRequest);
        var invoke = app.Teams.Execute(AgreementVerbs.Answer, new { }, "card-1", Megan);
        invoke.Value = JsonElement.Parse("""{ "action": { "verb": "x", "data": null } }""");

        var response = await app.InvokeAsync(invoke);

        MessageText(response).ShouldBe("Deze knop werkt niet meer. Typ 'help' om verder te gaan.");
        (await DatabaseSnapshot.TakeAsync(app, ChangesOnEveryRequest)).ShouldBe(before);
    }

    [Fact]
    public async Task An_Action_Submit_press_with_unreadable_data_is_answered_in_the_chat_and_changes_nothing()
    {
        await using var app = await BotApplication.StartAsync();
        await CreateAsync(app);
        await app.PostAsync(app.Teams.Message("help", Megan));
        var before = await DatabaseSnapshot.TakeAsync(app, ChangesOnEveryRequest);

        var response = await app.PostAsync(app.Teams.Submit(AgreementVerbs.Answer, new { agreementId = "één", answer = "done" }, "card-1", Megan));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        await app.Connector.WaitUntilAsync(() => app.Connector.SentActivities.Any(a => a.Activity?.Text == PoliteRefusal), TimeSpan.FromSeconds(10));
        (await DatabaseSnapshot.TakeAsync(app, ChangesOnEveryRequest)).ShouldBe(before);
    }

    private static Dictionary<string, Type> RegisteredVerbs(BotApplication app)
    {
        using var scope = app.Services.CreateScope();
        return new(scope.ServiceProvider.GetRequiredService<CardActionRouter>().Verbs);
    }

    /// <summary>No data (the property left out or null), data that is not an object, and the verb's own data shape with every property of the wrong JSON type.</summary>
    private static IEnumerable<(string Name, object? Data)> BadData(Type dataType)
    {
        yield return ("missing", null);
        yield return ("null", JsonElement.Parse("null"));
        yield return ("string", "garbage");
        yield return ("array", new[] { 1, 2, 3 });
        yield return ("wrongly typed", WronglyTyped(dataType));
    }

    private static JsonObject WronglyTyped(Type dataType)
    {
        var wrong = new JsonObject();
        foreach (var property in TeamsJson.Options.GetTypeInfo(dataType).Properties)
        {
            wrong[property.Name] = WrongValueFor(property.PropertyType);
        }
        return wrong;
    }

    private static JsonNode WrongValueFor(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying == typeof(string) ? JsonValue.Create(42)
            : underlying.IsPrimitive || underlying == typeof(decimal) ? JsonValue.Create("not a " + underlying.Name)
            : new JsonArray(JsonValue.Create(true));
    }

    /// <summary>Null when Teams would show a card or a polite message; otherwise what went wrong.</summary>
    private static async Task<string?> PressAsync(BotApplication app, Activity press)
    {
        var response = await app.PostAsync(press);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return $"HTTP {(int)response.StatusCode}";
        }
        var body = await response.Content.ReadFromJsonAsync<InvokeResponse>(TeamsJson.Options);
        return body is { StatusCode: 200, Type: InvokeResponse.CardType or InvokeResponse.MessageType } or { StatusCode: 400 }
            ? null
            : $"invoke status {body?.StatusCode} type {body?.Type}";
    }
}
