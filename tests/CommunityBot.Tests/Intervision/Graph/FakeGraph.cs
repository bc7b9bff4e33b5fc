using System.Text.Json.Nodes;
using CommunityBot.Intervision.Graph;
using Microsoft.Extensions.Logging.Abstractions;
using WireMock.Logging;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace CommunityBot.Tests.Intervision.Graph;

/// <summary>
/// Microsoft Graph as WireMock.Net on loopback, answering with payloads shaped like Graph's documented ones. The
/// calendar under test is the real <see cref="GraphIntervisionCalendar"/> on the real GraphServiceClient.
/// </summary>
internal sealed class FakeGraph : IDisposable
{
    public const string Organizer = "nestor.wilke@contoso.example";

    private readonly WireMockServer server = WireMockServer.Start();
    private readonly GraphConnection connection;

    public FakeGraph()
    {
        connection = GraphConnection.Anonymous(new Uri($"{server.Url}/v1.0"), TimeSpan.FromSeconds(30));
        Calendar = new GraphIntervisionCalendar(connection, Telemetry, NullLogger<GraphIntervisionCalendar>.Instance);
    }

    /// <summary>The spans of this calendar's Graph calls come from here, and from no other test's.</summary>
    public CommunityBot.Operations.BotTelemetry Telemetry { get; } = new();

    public GraphIntervisionCalendar Calendar { get; }

    /// <summary>Each address's scheduleInformation (without scheduleId); an address not here gets Graph's "not found" error.</summary>
    public Dictionary<string, JsonObject> Schedules { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Graph's own names are case-insensitive, and the SDK writes getSchedule's parameters as the metadata spells them ("Schedules").</summary>
    public static JsonNode Json(string? body) => JsonNode.Parse(body ?? "null", new JsonNodeOptions { PropertyNameCaseInsensitive = true })!;

    public IEnumerable<ILogEntry> Requests(string pathEnd) => server.LogEntries.Where(e => e.RequestMessage.Path.EndsWith(pathEnd, StringComparison.Ordinal));

    /// <summary>getSchedule for the organiser, answering from <see cref="Schedules"/>; with throttled, the first request gets 429 + Retry-After.</summary>
    public FakeGraph AnswersSchedules(int throttledFirst = 0)
    {
        var path = $"/v1.0/users/{Organizer}/calendar/getSchedule";
        if (throttledFirst > 0)
        {
            server.Given(Request.Create().WithPath(path).UsingPost())
                .InScenario("throttle").WillSetStateTo("answered")
                .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", throttledFirst.ToString(System.Globalization.CultureInfo.InvariantCulture))
                    .WithHeader("Content-Type", "application/json")
                    .WithBody(Error("TooManyRequests", "Application is over its MailboxConcurrency limit.")));
        }
        var answer = server.Given(Request.Create().WithPath(path).UsingPost());
        (throttledFirst > 0 ? answer.InScenario("throttle").WhenStateIs("answered") : answer)
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(request => ScheduleAnswer(request.Body!)));
        return this;
    }

    public FakeGraph Fails(string method, string path, int status, string code, string message)
    {
        server.Given(Request.Create().WithPath(new WildcardMatcher(path)).UsingMethod(method))
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(Error(code, message)));
        return this;
    }

    public FakeGraph Answers(string method, string path, int status, string body)
    {
        server.Given(Request.Create().WithPath(path).UsingMethod(method))
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body));
        return this;
    }

    public static JsonObject Items(params (string Status, string Start, string End)[] items) => new()
    {
        ["scheduleItems"] = new JsonArray([.. items.Select(i => new JsonObject
        {
            ["isPrivate"] = false,
            ["status"] = i.Status,
            ["subject"] = "",
            ["location"] = "",
            ["start"] = new JsonObject { ["dateTime"] = $"{i.Start}.0000000", ["timeZone"] = "UTC" },
            ["end"] = new JsonObject { ["dateTime"] = $"{i.End}.0000000", ["timeZone"] = "UTC" },
        })]),
        ["workingHours"] = new JsonObject
        {
            ["daysOfWeek"] = new JsonArray("monday", "tuesday", "wednesday", "thursday", "friday"),
            ["startTime"] = "08:00:00.0000000",
            ["endTime"] = "17:00:00.0000000",
            ["timeZone"] = new JsonObject { ["name"] = "Romance Standard Time" },
        },
    };

    public void Dispose()
    {
        Telemetry.Dispose();
        connection.Dispose();
        server.Stop();
        server.Dispose();
    }

    private string ScheduleAnswer(string body)
    {
        var request = Json(body);
        var value = request["schedules"]!.AsArray().Select(s => s!.GetValue<string>()).Select(email =>
        {
            var info = Schedules.TryGetValue(email, out var known)
                ? (JsonObject)known.DeepClone()
                : new JsonObject { ["error"] = new JsonObject { ["message"] = $"Failed to get free/busy for {email}.", ["responseCode"] = "ErrorMailRecipientNotFound" } };
            info["scheduleId"] = email;
            info.TryAdd("availabilityView", "");
            return info;
        });
        return new JsonObject
        {
            ["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#Collection(microsoft.graph.scheduleInformation)",
            ["value"] = new JsonArray([.. value]),
        }.ToJsonString();
    }

    private static string Error(string code, string message) =>
        new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["code"] = code,
                ["message"] = message,
                ["innerError"] = new JsonObject { ["date"] = "2026-03-02T09:00:00", ["request-id"] = "3b6e5c1a-0000-4000-8000-000000000001" },
            },
        }.ToJsonString();
}
