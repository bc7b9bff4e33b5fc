using System.Diagnostics;
using CommunityBot.Teams.Connector;
using Span = System.Diagnostics.Activity;

namespace CommunityBot.Teams.Diagnostics;

/// <summary>
/// The protocol layer's spans, on the <see cref="SourceName"/> source: one per incoming activity and one per connector
/// call. They carry ids, types and status codes, never a text or a payload. One instance per host (a DI singleton), so
/// a listener can tell two hosts in one process apart.
/// </summary>
public sealed class TeamsTelemetry : IDisposable
{
    public const string SourceName = "CommunityBot.Teams";

    public ActivitySource Source { get; } = new(SourceName);

    /// <summary>The span a turn runs in; the connector calls of the turn become its children.</summary>
    public Span? StartIncoming(Schema.Activity activity)
    {
        var span = Source.StartActivity("teams.activity " + activity.Type, ActivityKind.Internal);
        span?.SetTag("teams.activity.type", activity.Type)
            .SetTag("teams.activity.id", activity.Id)
            .SetTag("teams.channel", activity.ChannelId)
            .SetTag("teams.tenant.id", activity.TenantId)
            .SetTag("teams.conversation.kind", activity.Conversation?.ConversationType);
        return span;
    }

    public Span? StartConnectorCall(string operation)
    {
        var span = Source.StartActivity("teams.connector " + operation, ActivityKind.Client);
        span?.SetTag("teams.connector.operation", operation);
        return span;
    }

    public static void RecordConnectorResult<T>(Span? span, ConnectorResult<T> result)
    {
        if (span is null)
        {
            return;
        }
        span.SetTag("teams.connector.outcome", result.Outcome.ToString())
            .SetTag("http.response.status_code", (int?)result.StatusCode)
            .SetTag("teams.connector.retry_after_ms", result.RetryAfter is { } wait ? (long)wait.TotalMilliseconds : null);
        if (!result.IsSuccess)
        {
            span.SetStatus(ActivityStatusCode.Error, result.Outcome.ToString());
        }
    }

    public void Dispose() => Source.Dispose();
}
