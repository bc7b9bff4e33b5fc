using System.Text.Json;
using System.Text.Json.Nodes;
using CommunityBot.Teams.Schema;

namespace CommunityBot.Teams.Cards;

/// <summary>
/// One pressed button, whichever way it came. <see cref="Data"/> is what the card said: handlers re-check the actor
/// (<see cref="From"/>) and everything else server-side and never trust it.
/// </summary>
public sealed record CardActionContext
{
    public required Activity Activity { get; init; }

    /// <summary>The button's verb; empty when <see cref="IsMalformed"/>.</summary>
    public required string Verb { get; init; }

    /// <summary>
    /// The action data with input values merged in (for Action.Submit without the verb), exactly as sent: an empty
    /// object when absent. Read it with <see cref="ReadData{T}"/> and <see cref="Input"/>, which never throw.
    /// </summary>
    public required JsonElement Data { get; init; }

    public required CardActionKind Kind { get; init; }
    public required ChannelAccount From { get; init; }

    /// <summary>True when Teams asks for a fresh card because a user opened it (refresh), not because of a button press.</summary>
    public bool IsAutomaticRefresh { get; init; }

    /// <summary>An <c>adaptiveCard/action</c> invoke whose value cannot be read (no action, no string verb): answered, never routed.</summary>
    public bool IsMalformed { get; init; }

    /// <summary>The data as <typeparamref name="T"/>, or null when it is malformed (wrong shape, a type or a required property off).</summary>
    public T? ReadData<T>() where T : class => CardActionData.TryRead(Data, typeof(T), out var value) ? (T)value : null;

    /// <summary>The value of the card input <paramref name="id"/>; null when absent or not text.</summary>
    public string? Input(string id) => CardActionData.String(Data, id);

    /// <summary>
    /// The card action in an Action.Execute invoke or an Action.Submit message (data holding <c>"verb"</c>);
    /// null for any other activity, or one without a sender.
    /// </summary>
    public static CardActionContext? FromActivity(Activity activity)
    {
        if (activity.From is not { } from)
        {
            return null;
        }

        if (AdaptiveCardInvokeValue.IsAdaptiveCardAction(activity))
        {
            var invoke = AdaptiveCardInvokeValue.FromActivity(activity);
            var verb = invoke?.Action.Verb ?? "";
            return new CardActionContext
            {
                Activity = activity,
                Verb = verb,
                Data = invoke?.Action.Data is { ValueKind: not JsonValueKind.Null } data ? data : EmptyObject,
                Kind = CardActionKind.Execute,
                From = from,
                IsAutomaticRefresh = invoke?.IsAutomaticRefresh ?? false,
                IsMalformed = verb.Length == 0,
            };
        }

        if (activity.Type == ActivityTypes.Message
            && activity.Value is { } value
            && CardActionData.TrySplitVerb(value, out var submitVerb, out var submitData)
            && submitVerb.Length > 0)
        {
            return new CardActionContext
            {
                Activity = activity,
                Verb = submitVerb,
                Data = submitData,
                Kind = CardActionKind.Submit,
                From = from,
            };
        }

        return null;
    }

    private static readonly JsonElement EmptyObject = TeamsJson.ToElement(new JsonObject());
}
