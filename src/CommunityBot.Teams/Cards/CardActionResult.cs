namespace CommunityBot.Teams.Cards;

public enum CardActionResultKind
{
    UpdateCard,
    Message,

    /// <summary>Post <see cref="CardActionResult.Card"/> as a new message in the conversation and leave the pressed card as it is.</summary>
    NewCard,

    /// <summary>The handler declined, e.g. the actor may not do this; <see cref="CardActionResult.Text"/> says why to the user.</summary>
    Refuse,

    /// <summary>No handler has this verb. The host chooses the user-facing text.</summary>
    UnknownVerb,

    /// <summary>The action's data could not be read (forged, stale or from a broken client); no handler ran. The host chooses the text.</summary>
    MalformedData,

    /// <summary>The handler did not finish within the invoke budget. The host chooses the user-facing text.</summary>
    TimedOut,
}

/// <summary>What a card action handler decided. Expected outcomes are values; exceptions are bugs.</summary>
public sealed record CardActionResult
{
    private CardActionResult(CardActionResultKind kind, AdaptiveCard? card = null, string? text = null)
    {
        Kind = kind;
        Card = card;
        Text = text;
    }

    public CardActionResultKind Kind { get; }
    public AdaptiveCard? Card { get; }
    public string? Text { get; }

    /// <summary>Replace the card in place, e.g. with its "✓ done" state.</summary>
    public static CardActionResult UpdateCard(AdaptiveCard card) => new(CardActionResultKind.UpdateCard, card: card);

    public static CardActionResult Message(string text) => new(CardActionResultKind.Message, text: text);

    /// <summary>
    /// A card of its own below the pressed one, e.g. the details a summary card points to; <paramref name="text"/> is
    /// the invoke's answer Teams shows next to the pressed card.
    /// </summary>
    public static CardActionResult NewCard(AdaptiveCard card, string text) => new(CardActionResultKind.NewCard, card, text);

    public static CardActionResult Refuse(string userText) => new(CardActionResultKind.Refuse, text: userText);

    public static CardActionResult UnknownVerb { get; } = new(CardActionResultKind.UnknownVerb);

    public static CardActionResult TimedOut { get; } = new(CardActionResultKind.TimedOut);

    public static CardActionResult MalformedData { get; } = new(CardActionResultKind.MalformedData);

    /// <summary>
    /// The invoke body for this result. A refusal is a 200 message, which Teams shows next to the unchanged card
    /// (an error type would show as a failure of the app). UnknownVerb, MalformedData and TimedOut, if the host passes them on
    /// unlocalised, become error responses with a neutral code.
    /// </summary>
    public InvokeResponse ToInvokeResponse() => Kind switch
    {
        CardActionResultKind.UpdateCard => InvokeResponse.Card(Card!),
        CardActionResultKind.Message or CardActionResultKind.Refuse or CardActionResultKind.NewCard => InvokeResponse.Message(Text!),
        CardActionResultKind.UnknownVerb => InvokeResponse.Error(400, "UnknownVerb", "No handler for this card action."),
        CardActionResultKind.MalformedData => InvokeResponse.Error(400, "MalformedData", "The card action's data could not be read."),
        CardActionResultKind.TimedOut => InvokeResponse.Error(503, "TimedOut", "The card action did not finish in time."),
        _ => throw new InvalidOperationException($"Unhandled result kind {Kind}."),
    };
}
