using System.Diagnostics.CodeAnalysis;

namespace CommunityBot.Teams.Cards;

public sealed class TextBlock : CardElement
{
    public TextBlock() { }

    [SetsRequiredMembers]
    public TextBlock(string text) => Text = text;

    public required string Text { get; set; }
    public TextSize? Size { get; set; }
    public TextWeight? Weight { get; set; }
    public TextColor? Color { get; set; }
    public bool? IsSubtle { get; set; }
    public bool? Wrap { get; set; }
    public HorizontalAlignment? HorizontalAlignment { get; set; }
    public int? MaxLines { get; set; }
    public TextBlockStyle? Style { get; set; }
}
