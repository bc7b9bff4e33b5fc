namespace CommunityBot.Teams.Cards;

public sealed class TextInput : CardInput
{
    public string? Placeholder { get; set; }
    public bool? IsMultiline { get; set; }
    public int? MaxLength { get; set; }
    public string? Value { get; set; }
}
