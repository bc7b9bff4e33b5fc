using System.Text.Json;
using CommunityBot.Teams.Cards;
using CommunityBot.Teams.Schema;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CommunityBot.LoadTests;

/// <summary>
/// The yardstick: Kestrel on loopback that reads the activity as the bot does (JSON into <see cref="Activity"/>) and
/// answers every request with one fixed card, with no token check, database or connector. It runs in the harness's
/// own process, so it shares the two cores with the client, as the host does.
/// </summary>
internal sealed class BareEndpoint : IAsyncDisposable
{
    private static readonly byte[] Answer = JsonSerializer.SerializeToUtf8Bytes(InvokeResponse.Card(new AdaptiveCard
    {
        Body = [new TextBlock("✓ Gedaan") { Wrap = true }],
    }), TeamsJson.Options);

    private readonly WebApplication app;

    private BareEndpoint(WebApplication app, string url) => (this.app, Url) = (app, url);

    public string Url { get; }

    public static async Task<BareEndpoint> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Urls.Add("http://127.0.0.1:0");
        app.MapPost("/api/messages", async (HttpContext context) =>
        {
            var activity = await JsonSerializer.DeserializeAsync<Activity>(context.Request.Body, TeamsJson.Options, context.RequestAborted);
            if (activity?.Type is null)
            {
                return Results.BadRequest();
            }
            return Results.Bytes(Answer, "application/json");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new BareEndpoint(app, $"{address}/api/messages");
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();
}
