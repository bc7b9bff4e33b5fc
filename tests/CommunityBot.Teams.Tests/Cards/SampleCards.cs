using CommunityBot.Teams.Cards;

namespace CommunityBot.Teams.Tests.Cards;

/// <summary>Cards that exercise the whole model, for round-trip and renderer tests.</summary>
internal static class SampleCards
{
    public static AdaptiveCard EveryElementAndAction() => new()
    {
        Lang = "nl",
        FallbackText = "Afspraak: verslag delen",
        MsTeams = TeamsCardProperties.FullWidth,
        Refresh = new CardRefresh(new ExecuteAction(null, "agreement.refresh", new { agreementId = 7 }), ["29:member"]),
        Body =
        [
            new TextBlock("Afspraak") { Style = TextBlockStyle.Heading, Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true },
            new RichTextBlock { Inlines = [new TextRun("Jan") { Weight = TextWeight.Bolder }, new TextRun(" deelt het verslag") { Italic = true }] },
            new FactSet { Facts = [new("Wanneer", "di 9 dec"), new("Wie", "Jan, An")] },
            new ColumnSet
            {
                Columns =
                [
                    new Column { Width = ColumnWidth.Auto, Items = [new Image("https://adaptivecards.io/content/cats/1.png", "Jan") { Size = ImageSize.Small, Style = ImageStyle.Person }] },
                    new Column { Width = ColumnWidth.Stretch, VerticalContentAlignment = VerticalAlignment.Center, Items = [new TextBlock("Coach: An") { IsSubtle = true, Spacing = Spacing.None }] },
                    new Column { Width = ColumnWidth.Pixels(80), Items = [new TextBlock("Open") { Color = TextColor.Warning, HorizontalAlignment = HorizontalAlignment.Right }] },
                ],
            },
            new Container
            {
                Style = ContainerStyle.Emphasis,
                Bleed = true,
                Separator = true,
                SelectAction = new OpenUrlAction("Open het kanaal", "https://teams.microsoft.com/l/channel/x"),
                Items =
                [
                    new TextInput { Id = "note", Label = "Notitie", Placeholder = "Wat heb je gedaan?", IsMultiline = true, MaxLength = 500 },
                    new ChoiceSetInput { Id = "status", Label = "Status", Style = ChoiceInputStyle.Compact, IsRequired = true, ErrorMessage = "Kies een status", Value = "open", Choices = [new("Open", "open"), new("Klaar", "done")] },
                    new ToggleInput { Id = "remind", Title = "Herinner me", Value = "true", ValueOn = "true", ValueOff = "false" },
                    new DateInput { Id = "due", Label = "Nieuwe datum", Value = "2025-12-09", Min = "2025-12-01", Max = "2026-06-30" },
                    new TimeInput { Id = "at", Label = "Uur", Value = "09:00" },
                ],
            },
            new DonutChart { Title = "Antwoorden", ColorSet = ChartColorSet.Diverging, Data = [new("Eens", 4), new("Oneens", 1)] },
            new VerticalBarChart { Title = "Per week", Data = [new("wk 48", 3), new("wk 49", 5)] },
            new HorizontalBarChart { Title = "Per voorwaarde", Data = [new("Veiligheid", 4.2)] },
            new LineChart { Title = "Verloop", Data = [new("Vertrouwen", [new("wk 48", 3), new("wk 49", 3.5)])] },
            new TextBlock("Vorige sessie: 5 van 6 aanwezig") { Id = "more", IsVisible = false, Wrap = true },
            new ActionSet { Actions = [new ExecuteAction("Hulp nodig", "agreement.help", new { agreementId = 7 }) { Style = ActionStyle.Destructive }] },
        ],
        Actions =
        [
            new ExecuteAction("Klaar", "agreement.done", new { agreementId = 7 }) { Style = ActionStyle.Positive, Id = "done" },
            new OpenUrlAction("Meer info", "https://example.org/afspraken"),
            new ToggleVisibilityAction("Toon meer", "more"),
            new ShowCardAction("Verplaats", new AdaptiveCard
            {
                Body = [new DateInput { Id = "newDue", Label = "Nieuwe datum" }],
                Actions = [new ExecuteAction("Bewaar", "agreement.move", new { agreementId = 7 })],
            }),
        ],
    };
}
