namespace CommunityBot.Teams.Cards;

public sealed class ToggleInput : CardInput
{
    public required string Title { get; set; }

    /// <summary>The current state as a string: equal to <see cref="ValueOn"/> or <see cref="ValueOff"/>.</summary>
    public string? Value { get; set; }
    public string? ValueOn { get; set; }
    public string? ValueOff { get; set; }
    public bool? Wrap { get; set; }
}
