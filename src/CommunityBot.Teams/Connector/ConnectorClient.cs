using System.Net.Http.Headers;
using System.Text.Json;
using CommunityBot.Teams.Diagnostics;
using CommunityBot.Teams.Schema;
using Microsoft.Extensions.Logging;

namespace CommunityBot.Teams.Connector;

/// <summary>
/// The Bot Connector REST API as Teams exposes it. One call, one attempt: retry and throttling policy belong to the
/// caller (the delivery engine for proactive sends; interactive replies must stay fast), so every expected failure
/// comes back as a <see cref="ConnectorResult{T}"/> instead of being retried here.
/// </summary>
public sealed class ConnectorClient(HttpClient http, TimeProvider time, TeamsTelemetry telemetry, ILogger<ConnectorClient> logger)
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json") { CharSet = "utf-8" };

    public Task<ConnectorResult<ResourceResponse>> SendToConversationAsync(
        string serviceUrl, string conversationId, Activity activity, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return SendAsync<ResourceResponse>(HttpMethod.Post, ConnectorPaths.Activities(serviceUrl, conversationId), activity, "send", conversationId, ct);
    }

    public Task<ConnectorResult<ResourceResponse>> UpdateActivityAsync(
        string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(activity);
        activity.Id = activityId;
        return SendAsync<ResourceResponse>(HttpMethod.Put, ConnectorPaths.Activity(serviceUrl, conversationId, activityId), activity, "update", conversationId, ct);
    }

    /// <summary>Creates (or, for a 1:1 chat, finds) a conversation. Send the first message separately.</summary>
    public Task<ConnectorResult<ConversationResourceResponse>> CreateConversationAsync(
        string serviceUrl, ConversationParameters parameters, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return SendAsync<ConversationResourceResponse>(HttpMethod.Post, ConnectorPaths.Conversations(serviceUrl), parameters, "createConversation", null, ct);
    }

    public Task<ConnectorResult<PagedMembersResult>> GetPagedMembersAsync(
        string serviceUrl, string conversationId, int? pageSize, string? continuationToken, CancellationToken ct) =>
        SendAsync<PagedMembersResult>(HttpMethod.Get, ConnectorPaths.PagedMembers(serviceUrl, conversationId, pageSize, continuationToken), null, "pagedMembers", conversationId, ct);

    /// <summary>One member of a conversation with their e-mail/UPN and Entra object id (which activities do not carry).</summary>
    public Task<ConnectorResult<ChannelAccount>> GetMemberAsync(string serviceUrl, string conversationId, string memberId, CancellationToken ct) =>
        SendAsync<ChannelAccount>(HttpMethod.Get, ConnectorPaths.Member(serviceUrl, conversationId, memberId), null, "member", conversationId, ct);

    /// <summary>The whole roster, following continuation tokens; the first failing page ends the walk and is returned.</summary>
    public async Task<ConnectorResult<IReadOnlyList<ChannelAccount>>> GetAllMembersAsync(
        string serviceUrl, string conversationId, int? pageSize, CancellationToken ct)
    {
        var members = new List<ChannelAccount>();
        string? continuationToken = null;
        do
        {
            var page = await GetPagedMembersAsync(serviceUrl, conversationId, pageSize, continuationToken, ct).ConfigureAwait(false);
            if (!page.IsSuccess || page.Value is null)
            {
                return page.WithoutValue<IReadOnlyList<ChannelAccount>>();
            }
            members.AddRange(page.Value.Members);
            continuationToken = page.Value.ContinuationToken;
        }
        while (!string.IsNullOrEmpty(continuationToken));

        return ConnectorResult<IReadOnlyList<ChannelAccount>>.Ok(members);
    }

    private async Task<ConnectorResult<T>> SendAsync<T>(
        HttpMethod method, Uri uri, object? body, string operation, string? conversationId, CancellationToken ct)
        where T : class, new()
    {
        using var span = telemetry.StartConnectorCall(operation);
        using var request = new HttpRequestMessage(method, uri);
        if (body is not null)
        {
            // Buffered rather than streamed so the request carries a Content-Length.
            request.Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), TeamsJson.Options));
            request.Content.Headers.ContentType = JsonContentType;
        }

        ConnectorResult<T> result;
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
            result = await ConnectorResponseReader.ReadAsync<T>(response, time, ct).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            result = Failure<T>(ConnectorOutcome.Transient, $"network {ex.HttpRequestError}");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            result = Failure<T>(ConnectorOutcome.Transient, "timeout");
        }
        catch (ConnectorTokenException ex)
        {
            result = Failure<T>(ex.IsTransient ? ConnectorOutcome.Transient : ConnectorOutcome.Rejected, $"token {ex.ErrorCode}");
        }

        TeamsTelemetry.RecordConnectorResult(span, result);
        if (result.IsSuccess)
        {
            ConnectorLog.CallSucceeded(logger, operation, conversationId, (int?)result.StatusCode);
        }
        else
        {
            ConnectorLog.CallFailed(logger, operation, conversationId, result.Outcome, (int?)result.StatusCode, result.Error);
        }
        return result;
    }

    private static ConnectorResult<T> Failure<T>(ConnectorOutcome outcome, string error) => new() { Outcome = outcome, Error = error };
}
