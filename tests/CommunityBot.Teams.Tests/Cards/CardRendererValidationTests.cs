using System.Text.Json;
using CommunityBot.Teams.Cards;
using CommunityBot.Testing;
using Shouldly;
using Xunit;

namespace CommunityBot.Teams.Tests.Cards;

/// <summary>The official renderer accepts what the model writes, and the validator really fails broken cards.</summary>
public class CardRendererValidationTests
{
    [Fact]
    public void A_card_using_every_element_and_action_is_valid_for_the_official_renderer()
    {
        CardValidator.AssertAllValid(new Dictionary<string, AdaptiveCard>
        {
            ["every element and action"] = SampleCards.EveryElementAndAction(),
            ["minimal"] = new() { Body = [new TextBlock("Hallo")] },
        });
    }

    [Fact]
    public void The_validator_reports_each_broken_card_with_its_problem()
    {
        var results = CardValidator.Validate(new Dictionary<string, JsonElement>
        {
            ["input without id"] = Card("""[ { "type": "Input.Text", "label": "Notitie" } ]"""),
            ["text block without text"] = Card("""[ { "type": "TextBlock" } ]"""),
            ["unknown element"] = Card("""[ { "type": "Table2", "rows": [] } ]"""),
            ["version 1.6"] = Json("""{ "type": "AdaptiveCard", "version": "1.6", "body": [ { "type": "TextBlock", "text": "x" } ] }"""),
            ["execute without verb"] = Json("""{ "type": "AdaptiveCard", "version": "1.5", "body": [], "actions": [ { "type": "Action.Execute", "title": "x" } ] }"""),
            ["chart without data"] = Card("""[ { "type": "Chart.Donut", "title": "x" } ]"""),
            ["valid"] = Card("""[ { "type": "TextBlock", "text": "x" } ]"""),
        });

        results["input without id"].ShouldContain(e => e.Contains("All inputs must have a unique Id"));
        results["text block without text"].ShouldContain(e => e.Contains("TextBlock needs text"));
        results["unknown element"].ShouldContain(e => e.Contains("Unknown element type \"Table2\""));
        results["version 1.6"].ShouldContain(e => e.Contains("card version (1.6) is not supported"));
        results["execute without verb"].ShouldContain(e => e.Contains("Action.Execute needs a verb"));
        results["chart without data"].ShouldContain(e => e.Contains("Chart.Donut needs data"));
        results["valid"].ShouldBeEmpty();
    }

    [Fact]
    public void AssertAllValid_fails_listing_every_error_of_a_card_built_from_the_model()
    {
        var broken = new AdaptiveCard { Body = [new TextBlock(""), new Image("")], Actions = [new OpenUrlAction("x", "")] };

        var failure = Should.Throw<Exception>(() => CardValidator.AssertValid(broken, "broken"));

        failure.Message.ShouldContain("broken");
        failure.Message.ShouldContain("TextBlock needs text");
        failure.Message.ShouldContain("Image needs a url");
        failure.Message.ShouldContain("Action.OpenUrl needs a url");
    }

    private static JsonElement Card(string body) => Json($$"""{ "type": "AdaptiveCard", "version": "1.5", "body": {{body}} }""");

    private static JsonElement Json(string json) => JsonElement.Parse(json);
}
