using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace CommunityBot.Teams.Cards;

/// <summary>A paragraph of differently styled runs, e.g. a bold name followed by plain text.</summary>
public sealed class RichTextBlock : CardElement
{
    public IList<TextRun> Inlines { get; set; } = [];
    public HorizontalAlignment? HorizontalAlignment { get; set; }
}

public sealed class TextRun
{
    public TextRun() { }

    [SetsRequiredMembers]
    public TextRun(string text) => Text = text;

    [JsonPropertyOrder(-1)]
    public string Type => "TextRun";

    public required string Text { get; set; }
    public TextSize? Size { get; set; }
    public TextWeight? Weight { get; set; }
    public TextColor? Color { get; set; }
    public bool? IsSubtle { get; set; }
    public bool? Italic { get; set; }
    public bool? Strikethrough { get; set; }
    public bool? Highlight { get; set; }
    public CardAction? SelectAction { get; set; }
}
