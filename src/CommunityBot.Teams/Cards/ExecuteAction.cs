using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using CommunityBot.Teams.Schema;

namespace CommunityBot.Teams.Cards;

/// <summary>
/// A Universal Action: Teams sends an <c>adaptiveCard/action</c> invoke with the verb and the data (inputs merged in),
/// and shows the card the bot answers with in place of this one.
/// </summary>
public sealed class ExecuteAction : CardAction
{
    public const string TypeName = "Action.Execute";

    public ExecuteAction() { }

    /// <param name="data">A <see cref="JsonElement"/> or any object, serialized with <see cref="TeamsJson.Options"/>.</param>
    [SetsRequiredMembers]
    public ExecuteAction(string? title, string verb, object? data = null)
    {
        Title = title;
        Verb = verb;
        Data = CardActionData.ToElement(data);
    }

    public required string Verb { get; set; }
    public JsonElement? Data { get; set; }

    /// <summary>Which inputs are sent with the action: those on the card (auto, the default) or none (for "cancel").</summary>
    public AssociatedInputs? AssociatedInputs { get; set; }
}
