using CommunityBot.Teams.Auth;
using CommunityBot.Teams.Cards;
using CommunityBot.Teams.Connector;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace CommunityBot.Teams.Hosting;

public static class TeamsServiceCollectionExtensions
{
    /// <summary>
    /// The protocol layer: bot options, inbound authentication, the connector client, card-action routing and the turn pipeline.
    /// Without <c>Bot:AppId</c> the bot runs unauthenticated, which is allowed only in Development on loopback.
    /// </summary>
    public static WebApplicationBuilder AddTeamsBot(this WebApplicationBuilder builder)
    {
        var mode = ChooseAuthMode(builder.Environment, builder.Configuration);
        if (mode == InboundAuthMode.AnonymousLoopback)
        {
            LoopbackGuard.EnsureOnlyLoopbackUrls(builder.Configuration);
        }
        var services = builder.Services;
        var development = builder.Environment.IsDevelopment();
        services.AddOptions<BotOptions>().BindConfiguration(BotOptions.Section)
            // Loopback connectors (the Agents Playground, the fake Teams of the tests) only ever in Development, whatever the configuration says.
            .PostConfigure(options => options.AllowLoopbackServiceUrls = development)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(new BotEndpointSettings(mode));
        services.TryAddSingleton(TimeProvider.System);
        services.AddBotAuthentication();
        services.AddTeamsConnector();
        services.AddCardActions();
        services.TryAddScoped<TurnPipeline>();
        return builder;
    }

    public static InboundAuthMode ChooseAuthMode(IHostEnvironment environment, IConfiguration configuration) =>
        ChooseAuthMode(environment, configuration[$"{BotOptions.Section}:{nameof(BotOptions.AppId)}"]);

    public static InboundAuthMode ChooseAuthMode(IHostEnvironment environment, string? appId)
    {
        if (!string.IsNullOrWhiteSpace(appId))
        {
            return InboundAuthMode.ValidateTokens;
        }
        if (environment.IsDevelopment())
        {
            return InboundAuthMode.AnonymousLoopback;
        }
        throw new InvalidOperationException(
            $"Bot:AppId is required outside Development (environment '{environment.EnvironmentName}'). " +
            "Set it (environment variable Bot__AppId) to the bot's Entra app id.");
    }
}
