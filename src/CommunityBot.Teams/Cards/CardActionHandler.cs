namespace CommunityBot.Teams.Cards;

/// <summary>A handler for one verb whose card data has the shape <typeparamref name="TData"/>.</summary>
public abstract class CardActionHandler<TData> : ICardActionHandler where TData : class
{
    public abstract string Verb { get; }

    public Type DataType => typeof(TData);

    Task<CardActionResult> ICardActionHandler.HandleAsync(CardActionContext context, object data, CancellationToken ct) =>
        HandleAsync(context, (TData)data, ct);

    /// <param name="data">What the card sent, well-formed but untrusted: re-check every id and the actor.</param>
    /// <param name="ct">Fires when the invoke budget is spent; stop and let the router answer "timed out".</param>
    protected abstract Task<CardActionResult> HandleAsync(CardActionContext context, TData data, CancellationToken ct);
}
