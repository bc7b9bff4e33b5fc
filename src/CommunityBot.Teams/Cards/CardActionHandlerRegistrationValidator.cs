using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CommunityBot.Teams.Cards;

/// <summary>
/// Makes a duplicate verb a start-up error (through ValidateOnStart) instead of a failure on the first button press,
/// since the router itself is only built per request.
/// </summary>
internal sealed class CardActionHandlerRegistrationValidator(IServiceScopeFactory scopes) : IValidateOptions<CardActionOptions>
{
    public ValidateOptionsResult Validate(string? name, CardActionOptions options)
    {
        using var scope = scopes.CreateScope();
        var duplicates = CardActionRouter.DuplicateVerbs(scope.ServiceProvider.GetServices<ICardActionHandler>());
        return duplicates.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(CardActionRouter.DuplicateVerbsMessage(duplicates));
    }
}
