using System.Text.Json;
using CommunityBot.Teams.Cards;
using CommunityBot.Teams.Schema;
using Shouldly;
using Xunit;

namespace CommunityBot.Teams.Tests.Cards;

public class AdaptiveCardSerializationTests
{
    [Fact]
    public void A_card_is_written_with_the_type_first_camel_case_and_without_nulls()
    {
        var card = new AdaptiveCard
        {
            Body =
            [
                new TextBlock("Hallo") { Weight = TextWeight.Bolder },
                new FactSet { Facts = [new("Wanneer", "di 9 dec")] },
            ],
            Actions = [new ExecuteAction("Klaar", "agreement.done", new { agreementId = 7 })],
        };

        card.ToJson().ShouldBeJson("""
            {
              "type": "AdaptiveCard",
              "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
              "version": "1.5",
              "body": [
                { "type": "TextBlock", "text": "Hallo", "weight": "bolder" },
                { "type": "FactSet", "facts": [ { "title": "Wanneer", "value": "di 9 dec" } ] }
              ],
              "actions": [
                { "type": "Action.Execute", "verb": "agreement.done", "data": { "agreementId": 7 }, "title": "Klaar" }
              ]
            }
            """);
    }

    [Fact]
    public void Text_enums_are_written_as_the_schema_strings()
    {
        var card = new AdaptiveCard
        {
            Schema = null,
            Body =
            [
                new TextBlock("Week 49")
                {
                    Size = TextSize.ExtraLarge,
                    Color = TextColor.Attention,
                    IsSubtle = true,
                    Wrap = true,
                    HorizontalAlignment = HorizontalAlignment.Center,
                    MaxLines = 2,
                    Style = TextBlockStyle.Heading,
                    Spacing = Spacing.ExtraLarge,
                    Separator = true,
                },
            ],
        };

        card.ToJson().ShouldBeJson("""
            {
              "type": "AdaptiveCard", "version": "1.5",
              "body": [ {
                "type": "TextBlock", "text": "Week 49", "size": "extraLarge", "color": "attention", "isSubtle": true,
                "wrap": true, "horizontalAlignment": "center", "maxLines": 2, "style": "heading",
                "spacing": "extraLarge", "separator": true
              } ]
            }
            """);
    }

    [Fact]
    public void Refresh_carries_an_Action_Execute_with_its_type_and_the_user_ids_and_msteams_asks_for_full_width()
    {
        var card = new AdaptiveCard
        {
            Schema = null,
            Body = [new TextBlock("Afspraak")],
            Refresh = new CardRefresh(new ExecuteAction(null, "agreement.refresh", new { agreementId = 7 }), ["29:a", "29:b"]),
            MsTeams = TeamsCardProperties.FullWidth,
            Lang = "nl",
            FallbackText = "Afspraak",
        };

        card.ToJson().ShouldBeJson("""
            {
              "type": "AdaptiveCard", "version": "1.5",
              "body": [ { "type": "TextBlock", "text": "Afspraak" } ],
              "refresh": {
                "action": { "type": "Action.Execute", "verb": "agreement.refresh", "data": { "agreementId": 7 } },
                "userIds": [ "29:a", "29:b" ]
              },
              "msteams": { "width": "Full" },
              "lang": "nl",
              "fallbackText": "Afspraak"
            }
            """);
    }

    [Fact]
    public void Layout_elements_write_columns_widths_and_select_actions()
    {
        var element = new ColumnSet
        {
            Columns =
            [
                new Column { Width = ColumnWidth.Auto, Items = [new Image("https://example.org/a.png", "Avatar") { Size = ImageSize.Small, Style = ImageStyle.Person }] },
                new Column { Width = ColumnWidth.Relative(2), VerticalContentAlignment = VerticalAlignment.Center, Items = [new TextBlock("Jan")] },
                new Column { Width = ColumnWidth.Pixels(80), Items = [new Container { Style = ContainerStyle.Emphasis, Bleed = true, SelectAction = new OpenUrlAction(null, "https://example.org"), Items = [new TextBlock("x")] }] },
            ],
        };

        TeamsJson.ToElement<CardElement>(element).ShouldBeJson("""
            {
              "type": "ColumnSet",
              "columns": [
                { "type": "Column", "width": "auto", "items": [ { "type": "Image", "url": "https://example.org/a.png", "altText": "Avatar", "size": "small", "style": "person" } ] },
                { "type": "Column", "width": 2, "items": [ { "type": "TextBlock", "text": "Jan" } ], "verticalContentAlignment": "center" },
                { "type": "Column", "width": "80px", "items": [ {
                  "type": "Container", "items": [ { "type": "TextBlock", "text": "x" } ], "style": "emphasis", "bleed": true,
                  "selectAction": { "type": "Action.OpenUrl", "url": "https://example.org" }
                } ] }
              ]
            }
            """);
    }

    [Fact]
    public void Inputs_write_their_id_label_and_choices()
    {
        CardElement[] inputs =
        [
            new TextInput { Id = "note", Label = "Notitie", Placeholder = "…", IsMultiline = true, MaxLength = 500, IsRequired = true, ErrorMessage = "Verplicht" },
            new ChoiceSetInput { Id = "status", Choices = [new("Klaar", "done"), new("Hulp nodig", "help")], Style = ChoiceInputStyle.Expanded, IsMultiSelect = false, Value = "done" },
            new ToggleInput { Id = "remind", Title = "Herinner me", Value = "true", ValueOn = "true", ValueOff = "false" },
            new DateInput { Id = "due", Value = DateInput.Format(new DateOnly(2025, 12, 9)), Min = "2025-12-01" },
            new TimeInput { Id = "at", Value = TimeInput.Format(new TimeOnly(9, 5)) },
        ];

        TeamsJson.ToElement(inputs).ShouldBeJson("""
            [
              { "type": "Input.Text", "id": "note", "placeholder": "…", "isMultiline": true, "maxLength": 500, "label": "Notitie", "isRequired": true, "errorMessage": "Verplicht" },
              { "type": "Input.ChoiceSet", "id": "status", "choices": [ { "title": "Klaar", "value": "done" }, { "title": "Hulp nodig", "value": "help" } ], "style": "expanded", "isMultiSelect": false, "value": "done" },
              { "type": "Input.Toggle", "id": "remind", "title": "Herinner me", "value": "true", "valueOn": "true", "valueOff": "false" },
              { "type": "Input.Date", "id": "due", "value": "2025-12-09", "min": "2025-12-01" },
              { "type": "Input.Time", "id": "at", "value": "09:05" }
            ]
            """);
    }

    [Fact]
    public void Actions_write_style_associated_inputs_and_a_nested_card()
    {
        CardAction[] actions =
        [
            new ExecuteAction("Annuleer", "agreement.cancel") { Id = "cancel", Style = ActionStyle.Destructive, AssociatedInputs = AssociatedInputs.None },
            new ShowCardAction("Hulp", new AdaptiveCard { Schema = null, Body = [new TextBlock("Wat zit er in de weg?")] }),
        ];

        TeamsJson.ToElement(actions).ShouldBeJson("""
            [
              { "type": "Action.Execute", "verb": "agreement.cancel", "associatedInputs": "none", "title": "Annuleer", "id": "cancel", "style": "destructive" },
              { "type": "Action.ShowCard", "card": { "type": "AdaptiveCard", "version": "1.5", "body": [ { "type": "TextBlock", "text": "Wat zit er in de weg?" } ] }, "title": "Hulp" }
            ]
            """);
    }

    [Fact]
    public void A_visibility_toggle_names_the_elements_it_shows_and_hides()
    {
        CardAction[] actions = [new ToggleVisibilityAction("Wiskunde eerste graad", "section-7", "status-7")];

        TeamsJson.ToElement(actions).ShouldBeJson("""
            [ { "type": "Action.ToggleVisibility", "targetElements": [ "section-7", "status-7" ], "title": "Wiskunde eerste graad" } ]
            """);
    }

    [Fact]
    public void Charts_write_the_data_shapes_Teams_expects()
    {
        CardElement[] charts =
        [
            new DonutChart { Title = "Antwoorden", ColorSet = ChartColorSet.Diverging, Data = [new("Eens", 4), new("Oneens", 1, "attention")] },
            new VerticalBarChart { Data = [new("wk 48", 3.5)] },
            new HorizontalBarChart { ColorSet = ChartColorSet.SequentialRed, Data = [new("Veiligheid", 4.2)] },
            new LineChart { Data = [new("Vertrouwen", [new("wk 48", 3), new("wk 49", 3.5)])] },
        ];

        TeamsJson.ToElement(charts).ShouldBeJson("""
            [
              { "type": "Chart.Donut", "data": [ { "legend": "Eens", "value": 4 }, { "legend": "Oneens", "value": 1, "color": "attention" } ], "title": "Antwoorden", "colorSet": "diverging" },
              { "type": "Chart.VerticalBar", "data": [ { "x": "wk 48", "y": 3.5 } ] },
              { "type": "Chart.HorizontalBar", "data": [ { "x": "Veiligheid", "y": 4.2 } ], "colorSet": "sequentialred" },
              { "type": "Chart.Line", "data": [ { "legend": "Vertrouwen", "values": [ { "x": "wk 48", "y": 3 }, { "x": "wk 49", "y": 3.5 } ] } ] }
            ]
            """);
    }

    [Fact]
    public void Rich_text_writes_its_runs_with_their_type()
    {
        var element = new RichTextBlock { Inlines = [new TextRun("Jan") { Weight = TextWeight.Bolder }, new TextRun(" heeft het verslag gedeeld") { Italic = true }] };

        TeamsJson.ToElement<CardElement>(element).ShouldBeJson("""
            { "type": "RichTextBlock", "inlines": [
              { "type": "TextRun", "text": "Jan", "weight": "bolder" },
              { "type": "TextRun", "text": " heeft het verslag gedeeld", "italic": true }
            ] }
            """);
    }

    [Fact]
    public void An_attachment_carries_the_adaptive_card_content_type_and_the_card_as_json()
    {
        var card = new AdaptiveCard { Body = [new TextBlock("Hallo")] };

        var attachment = card.ToAttachment();

        attachment.ContentType.ShouldBe("application/vnd.microsoft.card.adaptive");
        attachment.Content.ShouldNotBeNull().GetRawText().ShouldBe(card.ToJson());
    }

    [Fact]
    public void A_card_reads_back_from_its_own_json()
    {
        var card = SampleCards.EveryElementAndAction();

        var roundTripped = JsonSerializer.Deserialize<AdaptiveCard>(card.ToJson(), TeamsJson.Options).ShouldNotBeNull();

        roundTripped.ToJson().ShouldBe(card.ToJson());
    }
}
