namespace CommunityBot.Teams.Cards;

public sealed class ChoiceSetInput : CardInput
{
    public IList<Choice> Choices { get; set; } = [];
    public ChoiceInputStyle? Style { get; set; }
    public bool? IsMultiSelect { get; set; }

    /// <summary>The selected value; for multi-select the values joined by commas, as the schema says.</summary>
    public string? Value { get; set; }
    public string? Placeholder { get; set; }
    public bool? Wrap { get; set; }
}

public sealed record Choice(string Title, string Value);
