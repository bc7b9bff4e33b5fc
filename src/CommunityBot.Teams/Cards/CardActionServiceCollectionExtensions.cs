using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CommunityBot.Teams.Cards;

public static class CardActionServiceCollectionExtensions
{
    /// <summary>Registers the scoped <see cref="CardActionRouter"/>; handlers come from <see cref="AddCardActionHandler{T}"/>.</summary>
    public static IServiceCollection AddCardActions(this IServiceCollection services, Action<CardActionOptions>? configure = null)
    {
        var options = services.AddOptions<CardActionOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CardActionOptions>, CardActionHandlerRegistrationValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => CardActionCatalog.Read(provider.GetRequiredService<IServiceScopeFactory>()));
        services.TryAddScoped<CardActionRouter>();
        return services;
    }

    /// <summary>Adds a handler as scoped, so it can use scoped services such as a DbContext; a press resolves it by its type.</summary>
    public static IServiceCollection AddCardActionHandler<THandler>(this IServiceCollection services)
        where THandler : class, ICardActionHandler
    {
        services.TryAddEnumerable(ServiceDescriptor.Scoped<ICardActionHandler, THandler>());
        services.TryAddScoped<THandler>();
        return services;
    }
}
