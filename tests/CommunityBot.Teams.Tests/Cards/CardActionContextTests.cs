using System.Text.Json;
using CommunityBot.Teams.Cards;
using CommunityBot.Teams.Schema;
using Shouldly;
using Xunit;

namespace CommunityBot.Teams.Tests.Cards;

public class CardActionContextTests
{
    private static Activity InvokeFixture() =>
        JsonSerializer.Deserialize<Activity>(File.ReadAllText(Path.Combine("TestData", "invoke-adaptive-card-action.json")), TeamsJson.Options)!;

    [Fact]
    public void The_invoke_value_of_a_Teams_button_press_gives_the_action_verb_data_and_trigger()
    {
        var value = AdaptiveCardInvokeValue.FromActivity(InvokeFixture()).ShouldNotBeNull();

        value.Action.Type.ShouldBe("Action.Execute");
        value.Action.Verb.ShouldBe("agreement.done");
        value.Action.Title.ShouldBe("Klaar");
        value.Action.Data.ShouldNotBeNull().GetProperty("agreementId").GetInt32().ShouldBe(7);
        value.Trigger.ShouldBe("manual");
        value.IsAutomaticRefresh.ShouldBeFalse();
    }

    [Fact]
    public void An_Execute_invoke_becomes_a_context_with_the_actor()
    {
        var context = CardActionContext.FromActivity(InvokeFixture()).ShouldNotBeNull();

        context.Kind.ShouldBe(CardActionKind.Execute);
        context.Verb.ShouldBe("agreement.done");
        context.Data.ShouldBeJson("""{ "agreementId": 7, "note": "Verslag gedeeld in het kanaal" }""");
        context.From.AadObjectId.ShouldBe("6f1e2d3c-4b5a-4968-8776-5a4b3c2d1e0f");
    }

    [Fact]
    public void An_automatic_refresh_is_marked_as_such()
    {
        var activity = InvokeFixture();
        activity.Value = JsonElement.Parse("""{ "action": { "type": "Action.Execute", "verb": "agreement.refresh" }, "trigger": "automatic" }""");

        var context = CardActionContext.FromActivity(activity).ShouldNotBeNull();

        context.IsAutomaticRefresh.ShouldBeTrue();
        context.Data.ShouldBeJson("{}");
    }

    [Fact]
    public void A_Submit_message_routes_like_Execute_with_the_verb_taken_out_of_the_data()
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            From = new ChannelAccount { Id = "29:member" },
            // The client merges the card's input values into the button's data.
            Value = JsonElement.Parse("""{ "verb": "agreement.done", "agreementId": 7, "note": "gedeeld" }"""),
        };

        var context = CardActionContext.FromActivity(activity).ShouldNotBeNull();

        context.Kind.ShouldBe(CardActionKind.Submit);
        context.Verb.ShouldBe("agreement.done");
        context.Data.ShouldBeJson("""{ "agreementId": 7, "note": "gedeeld" }""");
    }

    [Fact]
    public void Ordinary_messages_and_other_invokes_are_not_card_actions()
    {
        var text = new Activity { Type = ActivityTypes.Message, Text = "help", From = new ChannelAccount { Id = "29:member" } };
        var otherInvoke = InvokeFixture();
        otherInvoke.Name = "composeExtension/query";
        var submitWithoutVerb = new Activity { Type = ActivityTypes.Message, From = new ChannelAccount { Id = "29:member" }, Value = JsonElement.Parse("""{ "x": 1 }""") };

        CardActionContext.FromActivity(text).ShouldBeNull();
        CardActionContext.FromActivity(otherInvoke).ShouldBeNull();
        CardActionContext.FromActivity(submitWithoutVerb).ShouldBeNull();
    }

    [Theory]
    [InlineData("""{ "action": "agreement.done" }""")]
    [InlineData("""{ "action": { "type": "Action.Execute", "verb": 7 } }""")]
    [InlineData("""{ "action": { "type": "Action.Execute" } }""")]
    [InlineData("""{ "trigger": "manual" }""")]
    [InlineData("""[1, 2]""")]
    public void An_invoke_without_a_readable_verb_is_a_malformed_card_action_not_an_exception(string value)
    {
        var activity = InvokeFixture();
        activity.Value = JsonElement.Parse(value);

        var context = CardActionContext.FromActivity(activity).ShouldNotBeNull();

        context.IsMalformed.ShouldBeTrue();
        context.Verb.ShouldBeEmpty();
    }

    [Fact]
    public void Data_is_read_as_its_type_with_inputs_alongside()
    {
        var context = CardActionContext.FromActivity(InvokeFixture()).ShouldNotBeNull();

        context.ReadData<AgreementRef>().ShouldBe(new AgreementRef(7));
        context.Input("note").ShouldBe("Verslag gedeeld in het kanaal");
        context.Input("agreementId").ShouldBeNull();
        context.Input("absent").ShouldBeNull();
    }

    [Theory]
    [InlineData("""{ "agreementId": "zeven" }""")]
    [InlineData("""{ "agreementId": 7.5 }""")]
    [InlineData("""{ "agreementId": {} }""")]
    [InlineData("""{ "agreementId": 7, "note": 12 }""")]
    [InlineData("""{ "note": "zonder id" }""")]
    [InlineData("""{ "agreementId": 7, "note": null }""")]
    [InlineData("""[7]""")]
    [InlineData("""12""")]
    public void Malformed_data_reads_as_null_instead_of_throwing(string data)
    {
        var activity = InvokeFixture();
        activity.Value = JsonElement.Parse($$"""{ "action": { "type": "Action.Execute", "verb": "agreement.done", "data": {{data}} } }""");

        var context = CardActionContext.FromActivity(activity).ShouldNotBeNull();

        context.IsMalformed.ShouldBeFalse();
        context.ReadData<AgreementNote>().ShouldBeNull();
    }

    private sealed record AgreementRef(long AgreementId);

    private sealed record AgreementNote(long AgreementId, string Note);
}
