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
    public required string Verb { get; init; }

    /// <summary>The action data with input values merged in (for Action.Submit without the verb). An empty object when absent.</summary>
    public required JsonElement Data { get; init; }

    public required CardActionKind Kind { get; init; }
    public required ChannelAccount From { get; init; }

    /// <summary>True when Teams asks for a fresh card because a user opened it (refresh), not because of a button press.</summary>
    public bool IsAutomaticRefresh { get; init; }

    /// <summary>
    /// The card action in an Action.Execute invoke or an Action.Submit message (data holding <c>"verb"</c>);
    /// null for any other activity, or one without a verb or sender.
    /// </summary>
    public static CardActionContext? FromActivity(Activity activity)
    {
        if (activity.From is not { } from)
        {
            return null;
        }

        if (AdaptiveCardInvokeValue.FromActivity(activity) is { Action.Verb: { Length: > 0 } verb } invoke)
        {
            return new CardActionContext
            {
                Activity = activity,
                Verb = verb,
                Data = invoke.Action.Data is { ValueKind: JsonValueKind.Object } data ? data : EmptyObject,
                Kind = CardActionKind.Execute,
                From = from,
                IsAutomaticRefresh = invoke.IsAutomaticRefresh,
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
