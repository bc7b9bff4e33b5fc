using System.Text.Json;

namespace CommunityBot.Teams.Cards;

/// <summary>
/// The pre-Universal-Actions button, arriving as a message activity whose <c>value</c> is the data plus the inputs.
/// Our convention puts the verb inside the data (<c>{"verb": "...", ...}</c>) so that both paths route the same.
/// </summary>
public sealed class SubmitAction : CardAction
{
    public SubmitAction() { }

    /// <param name="data">An object whose properties are merged after the verb.</param>
    public SubmitAction(string? title, string verb, object? data = null)
    {
        Title = title;
        Data = CardActionData.WithVerb(verb, data);
    }

    public JsonElement? Data { get; set; }
    public AssociatedInputs? AssociatedInputs { get; set; }
}
