namespace CommunityBot.Teams.Cards;

/// <summary>Handles one verb. Registered with <c>AddCardActionHandler&lt;T&gt;()</c>; scoped, so it may use a DbContext.</summary>
public interface ICardActionHandler
{
    string Verb { get; }

    /// <param name="ct">Fires when the invoke budget is spent; stop and let the router answer "timed out".</param>
    Task<CardActionResult> HandleAsync(CardActionContext context, CancellationToken ct);
}
