using CommunityBot.Privacy;
using CommunityBot.Teams.Diagnostics;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CommunityBot.Operations;

public static class OperationsServiceCollectionExtensions
{
    /// <summary>The meter every feature records its counters on (OpenTelemetry picks it up by name).</summary>
    public const string MeterName = "CommunityBot";

    public static IServiceCollection AddOperations(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddHealthChecks().AddCheck<BotCredentialsHealthCheck>("bot-credentials", tags: ["ready"])
            .AddCheck<SigningKeysHealthCheck>("signing-keys", tags: ["ready"]);
        services.TryAddSingleton<BotTelemetry>();
        services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        var options = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var console = options.Console && environment.IsDevelopment();

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(options.ServiceName))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(MeterName).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                if (console)
                {
                    metrics.AddConsoleExporter();
                }
            })
            .WithTracing(tracing =>
            {
                tracing.AddSource(BotTelemetry.SourceName, TeamsTelemetry.SourceName)
                    .AddAspNetCoreInstrumentation(server => server.EnrichWithHttpRequest = (span, request) =>
                    {
                        // The export link's path is its one-time credential: the span keeps the route, not the token.
                        if (request.Path.StartsWithSegments(ExportLinks.Path))
                        {
                            span.SetTag("url.path", ExportLinks.Path + "/{token}");
                        }
                    })
                    .AddHttpClientInstrumentation(http => http.EnrichWithHttpRequestMessage = (span, request) =>
                        // Graph paths name mailboxes (e-mail addresses): an outgoing call's span keeps only the host.
                        span.SetTag("url.full", request.RequestUri?.GetLeftPart(UriPartial.Authority)));
                if (console)
                {
                    tracing.AddConsoleExporter();
                }
            });
        var standardEndpoint = !string.IsNullOrWhiteSpace(configuration[TelemetryOptions.StandardEndpointVariable]);
        if (options.Endpoint is null && !standardEndpoint)
        {
            return services;
        }
        // Logs go out with their scopes, so a turn's lines carry its activity id and tenant id at the collector too.
        telemetry.WithLogging(_ => { }, logging => logging.IncludeScopes = true);
        if (options.Endpoint is { } endpoint)
        {
            telemetry.UseOtlpExporter(options.OtlpProtocol, endpoint);
        }
        else
        {
            telemetry.UseOtlpExporter();
        }
        return services;
    }

    /// <summary>Liveness says the process runs; readiness adds the database and the outbound credentials.</summary>
    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        return app;
    }
}
