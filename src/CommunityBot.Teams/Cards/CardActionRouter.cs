using Microsoft.Extensions.Options;

namespace CommunityBot.Teams.Cards;

/// <summary>Finds the handler for a verb and runs it within the invoke budget. Knows nothing about the product.</summary>
/// <param name="services">The press's own services, which build its handler.</param>
public sealed class CardActionRouter(CardActionCatalog catalog, IServiceProvider services, TimeProvider time, IOptions<CardActionOptions> options)
{
    private readonly TimeSpan budget = options.Value.Budget;

    /// <summary>Every registered verb with the shape of its data, e.g. for tests that must cover verbs added later.</summary>
    public IReadOnlyDictionary<string, Type> Verbs => catalog.Verbs;

    public async Task<CardActionResult> RouteAsync(CardActionContext context, CancellationToken ct)
    {
        if (context.IsMalformed)
        {
            return CardActionResult.MalformedData;
        }
        if (catalog.Find(context.Verb) is not { } entry)
        {
            return CardActionResult.UnknownVerb;
        }
        // A forged or stale payload is the sender's error: the feature never sees it, so nothing can change.
        if (!CardActionData.TryRead(context.Data, entry.Data, out var data))
        {
            return CardActionResult.MalformedData;
        }
        var handler = entry.Handler(services);

        using var budget = new CancellationTokenSource(this.budget, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, budget.Token);
        try
        {
            // The handler is awaited to the end, never abandoned: one that ignores its token would otherwise keep using
            // the request's services (its DbContext) while the host answers, and might save after "try again" was shown.
            return await handler.HandleAsync(context, data, linked.Token);
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            return CardActionResult.TimedOut;
        }
    }
}
