using System.Text.Json;
using System.Text.Json.Serialization;
using CommunityBot.Teams.Schema;

namespace CommunityBot.Teams.Cards;

/// <summary>The <c>value</c> of an <c>adaptiveCard/action</c> invoke: which Action.Execute was pressed (or refreshed) with what data.</summary>
public sealed class AdaptiveCardInvokeValue
{
    public const string ManualTrigger = "manual";
    public const string AutomaticTrigger = "automatic";

    public AdaptiveCardInvokeAction Action { get; set; } = new();

    /// <summary>"manual" for a button press, "automatic" when Teams refreshes the card on open.</summary>
    public string? Trigger { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    [JsonIgnore]
    public bool IsAutomaticRefresh => Trigger == AutomaticTrigger;

    public static bool IsAdaptiveCardAction(Activity activity) =>
        activity.Type == ActivityTypes.Invoke && activity.Name == InvokeNames.AdaptiveCardAction;

    /// <summary>
    /// The parsed value of an <c>adaptiveCard/action</c> invoke; null for any other activity and for a value that
    /// is not shaped like one (a forged <c>action</c> string or null, or a numeric verb is the sender's error, not ours).
    /// </summary>
    public static AdaptiveCardInvokeValue? FromActivity(Activity activity)
    {
        if (!IsAdaptiveCardAction(activity) || activity.Value is not { ValueKind: JsonValueKind.Object } value)
        {
            return null;
        }
        try
        {
            // The declared type says an action is always there, but "action": null deserializes to null all the same.
            return TeamsJson.Deserialize<AdaptiveCardInvokeValue>(value) is { Action: not null } parsed ? parsed : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

public sealed class AdaptiveCardInvokeAction
{
    public string Type { get; set; } = ExecuteAction.TypeName;
    public string? Id { get; set; }
    public string? Title { get; set; }
    public string? Verb { get; set; }

    /// <summary>The action's data with the card's input values merged in by the client.</summary>
    public JsonElement? Data { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
