using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CommunityBot.Teams.Cards;

/// <summary>
/// Reads the <see cref="CardActionCatalog"/> at start (through ValidateOnStart), so a duplicate verb is a start-up error
/// instead of a failure on the first button press.
/// </summary>
internal sealed class CardActionHandlerRegistrationValidator(IServiceProvider services) : IValidateOptions<CardActionOptions>
{
    public ValidateOptionsResult Validate(string? name, CardActionOptions options)
    {
        try
        {
            services.GetRequiredService<CardActionCatalog>();
            return ValidateOptionsResult.Success;
        }
        catch (DuplicateVerbsException duplicates)
        {
            return ValidateOptionsResult.Fail(duplicates.Message);
        }
    }
}
