using CommunityBot.Teams.Cards;
using Shouldly;
using Xunit;

namespace CommunityBot.Teams.Tests.Cards;

public class InvokeResponseTests
{
    [Fact]
    public void A_card_response_carries_the_card_with_status_200()
    {
        var response = InvokeResponse.Card(new AdaptiveCard { Schema = null, Body = [new TextBlock("✓ Klaar")] });

        response.ToJson().ShouldBeJson("""
            { "statusCode": 200, "type": "application/vnd.microsoft.card.adaptive",
              "value": { "type": "AdaptiveCard", "version": "1.5", "body": [ { "type": "TextBlock", "text": "✓ Klaar" } ] } }
            """);
    }

    [Fact]
    public void A_message_response_carries_the_text_as_its_value()
    {
        InvokeResponse.Message("Bewaard").ToJson().ShouldBeJson("""
            { "statusCode": 200, "type": "application/vnd.microsoft.activity.message", "value": "Bewaard" }
            """);
    }

    [Fact]
    public void An_error_response_carries_the_status_code_and_a_code_with_a_message()
    {
        InvokeResponse.Error(400, "BadRequest", "Missing agreement").ToJson().ShouldBeJson("""
            { "statusCode": 400, "type": "application/vnd.microsoft.error", "value": { "code": "BadRequest", "message": "Missing agreement" } }
            """);
    }

    [Fact]
    public void An_empty_response_is_only_a_200()
    {
        InvokeResponse.Empty().ToJson().ShouldBeJson("""{ "statusCode": 200 }""");
    }

    [Fact]
    public void Results_map_to_invoke_responses_and_a_refusal_is_a_message_Teams_shows()
    {
        var card = new AdaptiveCard { Body = [new TextBlock("✓")] };

        CardActionResult.UpdateCard(card).ToInvokeResponse().Type.ShouldBe(InvokeResponse.CardType);
        CardActionResult.Message("Bewaard").ToInvokeResponse().Type.ShouldBe(InvokeResponse.MessageType);
        // The new card is posted by the host; the pressed card stays and Teams shows the text beside it.
        var newCard = CardActionResult.NewCard(card, "Hier zijn de details.").ToInvokeResponse();
        newCard.Type.ShouldBe(InvokeResponse.MessageType);
        newCard.Value!.Value.GetString().ShouldBe("Hier zijn de details.");

        var refusal = CardActionResult.Refuse("Enkel de coach kan dit afsluiten.").ToInvokeResponse();
        refusal.StatusCode.ShouldBe(200);
        refusal.Type.ShouldBe(InvokeResponse.MessageType);
        refusal.Value!.Value.GetString().ShouldBe("Enkel de coach kan dit afsluiten.");

        CardActionResult.UnknownVerb.ToInvokeResponse().ShouldSatisfyAllConditions(
            r => r.StatusCode.ShouldBe(400),
            r => r.Type.ShouldBe(InvokeResponse.ErrorType));
        CardActionResult.TimedOut.ToInvokeResponse().Type.ShouldBe(InvokeResponse.ErrorType);
    }
}
