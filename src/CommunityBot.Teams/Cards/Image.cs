using System.Diagnostics.CodeAnalysis;

namespace CommunityBot.Teams.Cards;

public sealed class Image : CardElement
{
    public Image() { }

    [SetsRequiredMembers]
    public Image(string url, string? altText = null)
    {
        Url = url;
        AltText = altText;
    }

    public required string Url { get; set; }
    public string? AltText { get; set; }
    public ImageSize? Size { get; set; }
    public ImageStyle? Style { get; set; }
    public HorizontalAlignment? HorizontalAlignment { get; set; }
    public CardAction? SelectAction { get; set; }
}
