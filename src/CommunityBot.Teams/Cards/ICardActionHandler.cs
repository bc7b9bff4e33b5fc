namespace CommunityBot.Teams.Cards;

/// <summary>
/// Handles one verb. Implement it through <see cref="CardActionHandler{TData}"/>, which gets the data already read;
/// registered with <c>AddCardActionHandler&lt;T&gt;()</c>; scoped, so it may use a DbContext.
/// </summary>
public interface ICardActionHandler
{
    string Verb { get; }

    /// <summary>The shape of the card data; the router reads it safely and never calls the handler with malformed data.</summary>
    Type DataType { get; }

    /// <param name="data">The card data, already read as <see cref="DataType"/>.</param>
    /// <param name="ct">Fires when the invoke budget is spent; stop and let the router answer "timed out".</param>
    Task<CardActionResult> HandleAsync(CardActionContext context, object data, CancellationToken ct);
}
