using CommunityBot.Bot.Understanding;
using CommunityBot.Conversations;
using CommunityBot.People;
using CommunityBot.Teams.Cards;
using CommunityBot.Teams.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CommunityBot.Bot;

public static class BotServiceCollectionExtensions
{
    /// <summary>
    /// The conversational core: turn handling, deduplication, people, installs, help and language. The turn pipeline
    /// starts here: deduplication, then person resolution; middleware added later (the demo's act-as) runs after them.
    /// </summary>
    public static IServiceCollection AddBot(this IServiceCollection services)
    {
        services.AddScoped<IActivityHandler, BotTurnHandler>();
        services.AddScoped<TurnState>();
        services.AddScoped<ActivityDeduplicator>();
        services.AddTurnMiddleware<DeduplicationMiddleware>();
        services.AddTurnMiddleware<PersonResolutionMiddleware>();
        services.AddScoped<PersonDirectory>();
        services.AddScoped<InstallationHandler>();
        services.AddSingleton(provider => Interpreter.Read(provider.GetRequiredService<IServiceScopeFactory>()));
        services.AddScoped<CommandRouter>();
        services.AddScoped<Suggestions>();
        services.AddScoped<Greeter>();
        services.AddScoped<HelpAudience>();
        services.AddBotCommand<HelpCommand>();
        services.AddBotCommand<LanguageCommand>();
        services.AddCardActionHandler<ShowHelpAction>();
        services.AddCardActionHandler<SetLanguageAction>();
        return services;
    }

    /// <summary>A typed command: listed for the interpreter and the help card, and resolved by its type when a turn runs it.</summary>
    public static IServiceCollection AddBotCommand<T>(this IServiceCollection services) where T : class, IBotCommand
    {
        services.AddScoped<IBotCommand, T>();
        services.TryAddScoped<T>();
        return services;
    }
}
