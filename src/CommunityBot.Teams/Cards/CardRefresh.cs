using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CommunityBot.Teams.Cards;

/// <summary>Makes Teams ask the bot for a fresh card (an <c>adaptiveCard/action</c> invoke with trigger "automatic").</summary>
public sealed class CardRefresh
{
    public CardRefresh() { }

    [SetsRequiredMembers]
    public CardRefresh(ExecuteAction action, IList<string>? userIds = null)
    {
        Action = action;
        UserIds = userIds;
    }

    /// <summary>Teams only refreshes through Action.Execute.</summary>
    [JsonIgnore]
    public required ExecuteAction Action { get; set; }

    /// <summary>Teams user ids (<c>29:…</c>) whose clients refresh automatically, at most 60; other users refresh by hand.</summary>
    [JsonPropertyOrder(1)]
    public IList<string>? UserIds { get; set; }

    // Written through the polymorphic base so that the "type" discriminator is on the wire.
    [JsonInclude, JsonPropertyName("action")]
    private CardAction WireAction
    {
        get => Action;
        set => Action = value as ExecuteAction ?? throw new JsonException("A card refresh action must be an Action.Execute.");
    }
}
