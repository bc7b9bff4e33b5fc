using System.Text.Json.Nodes;
using CommunityBot.Teams.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using DateTimeTimeZone = Microsoft.Graph.Models.DateTimeTimeZone;

namespace CommunityBot.Intervision.Graph.StandIn;

/// <summary>
/// The Graph-shaped endpoints of the offline demo, under <c>/dev/graph/v1.0</c>: getSchedule, create, read, move and
/// cancel an event. Mapped only when <see cref="GraphStandIn"/> is registered (Development, no Bot:AppId, no Graph
/// credentials) and answered only to callers on this machine, like the other development aids.
/// </summary>
public static class GraphStandInEndpoints
{
    public const string Prefix = "/dev/graph/v1.0";

    public static WebApplication MapGraphStandIn(this WebApplication app)
    {
        if (app.Services.GetService<GraphStandIn>() is null)
        {
            return app;
        }
        var users = app.MapGroup($"{Prefix}/users/{{organizer}}").RequireAuthorization(BotPolicies.AnonymousDevelopment);
        // A JSON value of the wrong kind (a number where Graph has a string) is the caller's mistake: 400, as Graph answers.
        users.AddEndpointFilter(async (context, next) =>
        {
            try
            {
                return await next(context);
            }
            catch (InvalidOperationException)
            {
                return BadRequest("The request body is not shaped as Graph expects.");
            }
        });
        users.MapPost("/calendar/getSchedule", GetSchedule);
        users.MapPost("/events", CreateEvent);
        users.MapGet("/events/{id}", (string organizer, string id, GraphStandIn graph) =>
            graph.Find(organizer, id) is { } found ? Results.Json(Event(found)) : NotFound());
        users.MapPatch("/events/{id}", MoveEvent);
        users.MapPost("/events/{id}/cancel", (string organizer, string id, GraphStandIn graph) =>
            graph.Change(organizer, id, e => e with { Cancelled = true }) is null ? NotFound() : Results.Accepted());
        return app;
    }

    /// <summary>The host's own loopback address (the in-memory test server has none: then plain localhost).</summary>
    public static Uri BaseUrlOn(IServer server)
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal));
        return new Uri($"{(address ?? "http://localhost").TrimEnd('/')}{Prefix}");
    }

    private static async Task<IResult> GetSchedule(string organizer, HttpRequest request, GraphStandIn graph)
    {
        var body = await ReadAsync(request);
        var schedules = body?["schedules"]?.AsArray().Select(s => s?.GetValue<string>()).OfType<string>().ToList();
        if (!GraphStandIn.HasMailbox(organizer))
        {
            return NotFound();
        }
        if (schedules is null || Time(body?["startTime"]) is not { } from || Time(body?["endTime"]) is not { } to || to <= from)
        {
            return BadRequest("schedules, startTime and endTime are required.");
        }
        var value = schedules.Select(email => GraphStandIn.HasMailbox(email)
            ? new JsonObject
            {
                ["scheduleId"] = email,
                ["scheduleItems"] = new JsonArray([.. graph.BusyOf(email, from, to).Select(Item)]),
            }
            : new JsonObject
            {
                ["scheduleId"] = email,
                ["error"] = new JsonObject { ["message"] = "The mailbox was not found.", ["responseCode"] = "ErrorMailRecipientNotFound" },
            });
        return Results.Json(new JsonObject { ["value"] = new JsonArray([.. value]) });
    }

    private static async Task<IResult> CreateEvent(string organizer, HttpRequest request, GraphStandIn graph)
    {
        var body = await ReadAsync(request);
        if (!GraphStandIn.HasMailbox(organizer))
        {
            return NotFound();
        }
        if (Time(body?["start"]) is not { } start || Time(body?["end"]) is not { } end || end <= start)
        {
            return BadRequest("start and end are required.");
        }
        var attendees = (body?["attendees"]?.AsArray() ?? [])
            .Select(a => (Email: a?["emailAddress"]?["address"]?.GetValue<string>(), Name: a?["emailAddress"]?["name"]?.GetValue<string>()))
            .Where(a => a.Email is not null)
            .Select(a => (a.Email!, a.Name))
            .ToList();
        var created = graph.Create(new GraphStandIn.StandInEvent(
            "", organizer, body?["subject"]?.GetValue<string>() ?? "", start, end, body?["start"]?["timeZone"]?.GetValue<string>() ?? "UTC",
            attendees, body?["transactionId"]?.GetValue<string>(), false));
        return Results.Json(Event(created), statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> MoveEvent(string organizer, string id, HttpRequest request, GraphStandIn graph)
    {
        var body = await ReadAsync(request);
        if (Time(body?["start"]) is not { } start || Time(body?["end"]) is not { } end || end <= start)
        {
            return BadRequest("start and end are required.");
        }
        var zone = body?["start"]?["timeZone"]?.GetValue<string>() ?? "UTC";
        return graph.Change(organizer, id, e => e with { Start = start, End = end, TimeZone = zone }) is { } moved ? Results.Json(Event(moved)) : NotFound();
    }

    private static JsonObject Event(GraphStandIn.StandInEvent e) => new()
    {
        ["id"] = e.Id,
        ["subject"] = e.Subject,
        ["start"] = new JsonObject { ["dateTime"] = GraphTimes.Utc(e.Start).DateTime, ["timeZone"] = "UTC" },
        ["end"] = new JsonObject { ["dateTime"] = GraphTimes.Utc(e.End).DateTime, ["timeZone"] = "UTC" },
        ["isCancelled"] = e.Cancelled,
        ["isOnlineMeeting"] = true,
        ["onlineMeetingProvider"] = "teamsForBusiness",
        ["onlineMeeting"] = new JsonObject { ["joinUrl"] = e.JoinUrl },
        ["transactionId"] = e.TransactionId,
        ["attendees"] = new JsonArray([.. e.Attendees.Select(a => new JsonObject
        {
            ["type"] = "required",
            ["emailAddress"] = new JsonObject { ["address"] = a.Email, ["name"] = a.Name },
        })]),
    };

    private static JsonObject Item(BusyInterval busy) => new()
    {
        ["isPrivate"] = false,
        ["status"] = busy.Kind switch
        {
            BusyKind.Tentative => "tentative",
            BusyKind.OutOfOffice => "oof",
            BusyKind.WorkingElsewhere => "workingElsewhere",
            _ => "busy",
        },
        ["start"] = new JsonObject { ["dateTime"] = GraphTimes.Utc(busy.Start).DateTime, ["timeZone"] = "UTC" },
        ["end"] = new JsonObject { ["dateTime"] = GraphTimes.Utc(busy.End).DateTime, ["timeZone"] = "UTC" },
    };

    /// <summary>A Graph dateTimeTimeZone, or null when it is missing or not a time in a known zone.</summary>
    private static DateTimeOffset? Time(JsonNode? node)
    {
        try
        {
            return node is JsonObject ? GraphTimes.ToInstant(new DateTimeTimeZone
            {
                DateTime = node["dateTime"]?.GetValue<string>(),
                TimeZone = node["timeZone"]?.GetValue<string>(),
            }) : null;
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }

    private static async Task<JsonNode?> ReadAsync(HttpRequest request)
    {
        try
        {
            // Graph's names are case-insensitive; the SDK writes getSchedule's parameters as its metadata spells them ("Schedules").
            return await JsonNode.ParseAsync(request.Body, new JsonNodeOptions { PropertyNameCaseInsensitive = true }, cancellationToken: request.HttpContext.RequestAborted);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static IResult NotFound() => GraphError(StatusCodes.Status404NotFound, "ErrorItemNotFound", "The specified object was not found in the store.");

    private static IResult BadRequest(string message) => GraphError(StatusCodes.Status400BadRequest, "ErrorInvalidRequest", message);

    private static IResult GraphError(int status, string code, string message) =>
        Results.Json(new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } }, statusCode: status);
}
