using System.Net;
using System.Text.Json;
using CommunityBot.Teams.Cards;
using CommunityBot.Teams.Connector;
using CommunityBot.Teams.Schema;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace CommunityBot.Testing;

/// <summary>How the fake answers: parse, record, let policies decide, then behave like Teams.</summary>
public sealed partial class FakeTeamsConnector
{
    /// <summary>What the fake puts in error messages; tests assert it never reaches results or logs.</summary>
    public const string ErrorMessageText = "Secret message text from the fake connector";

    private static readonly string[] SecretFormFields = ["client_secret", "client_assertion"];

    /// <summary>
    /// The effect (an activity posted, a chat opened) and the record happen as soon as the body has arrived, as in
    /// Teams; only the answer waits for the scripted latency, and a caller that hangs up meanwhile changes nothing.
    /// </summary>
    private async Task HandleAsync(HttpContext context)
    {
        // Stamped before the body is parsed and its cards validated: the request has reached "Teams" then, and this
        // process's own stalls (start-up, a card validation) must not bunch the instants the rate limits count.
        var receivedAt = Time.GetUtcNow();
        var request = await ParseAsync(context, receivedAt);
        FakeConnectorDecision? decision;
        lock (gate)
        {
            decision = Authorize(request)
                ?? policies.Select(p => p.Decide(request)).FirstOrDefault(d => d is not null)
                ?? RateLimits?.Decide(request);
        }

        var reply = decision?.StatusCode is { } status
            ? ErrorReply(request, status, decision.ErrorCode, decision.RetryAfter)
            : Answer(ref request);
        // A path of no Bot Framework API (another process's health probe on a port reused by this fake) is not the bot's call.
        if (request.Operation != FakeConnectorOperation.Unknown || request.Path.StartsWith("/v3/", StringComparison.Ordinal))
        {
            Record(request with { StatusCode = (int)reply.Status });
        }

        var delay = (decision?.Delay ?? TimeSpan.Zero) + (request.Operation == FakeConnectorOperation.Token ? TimeSpan.Zero : Latency);
        try
        {
            if (delay > TimeSpan.Zero)
            {
                using var aborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping.Token);
                await Task.Delay(delay, Time, aborted.Token);
            }
            context.Response.StatusCode = (int)reply.Status;
            if (reply.RetryAfter is not null)
            {
                context.Response.Headers.RetryAfter = reply.RetryAfter;
            }
            if (reply.Body is not null)
            {
                await context.Response.WriteAsJsonAsync(reply.Body, reply.Body.GetType(), TeamsJson.Options, context.RequestAborted);
            }
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested || stopping.IsCancellationRequested)
        {
            // The caller hung up or the fake stops: the request is recorded, there is no one left to answer.
        }
    }

    private async Task<FakeConnectorRequest> ParseAsync(HttpContext context, DateTimeOffset receivedAt)
    {
        var rawTarget = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var queryStart = rawTarget.IndexOf('?');
        var rawPath = queryStart < 0 ? rawTarget : rawTarget[..queryStart];
        var segments = rawPath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        var method = context.Request.Method;

        var (operation, conversationId, activityId) = Route(method, segments);
        JsonElement? body = null;
        IReadOnlyDictionary<string, string>? form = null;
        if (operation == FakeConnectorOperation.Token && context.Request.HasFormContentType)
        {
            var fields = await context.Request.ReadFormAsync();
            form = fields.Where(f => !SecretFormFields.Contains(f.Key)).ToDictionary(f => f.Key, f => f.Value.ToString());
        }
        else if (context.Request.ContentLength is > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            body = await ReadJsonAsync(context);
        }

        var activity = IsActivityOperation(operation) && body is { ValueKind: JsonValueKind.Object } json ? TeamsJson.Deserialize<Activity>(json) : null;
        var cardErrors = activity?.Attachments?
            .Where(a => a.ContentType == AdaptiveCard.ContentType && a.Content is not null)
            .SelectMany(a => CardValidatorProcess.Validate(a.Content!.Value))
            .ToList();
        string? tenantId;
        lock (gate)
        {
            tenantId = (conversationId is not null && conversations.TryGetValue(conversationId, out var known) ? known.TenantId : null)
                ?? activity?.TenantId;
        }

        return new FakeConnectorRequest
        {
            Operation = operation,
            Method = method,
            Path = "/" + string.Join('/', segments),
            RawTarget = rawTarget,
            ConversationId = conversationId,
            ActivityId = activityId,
            Activity = activity,
            Body = body,
            Form = form,
            Query = queryStart < 0 ? null : rawTarget[(queryStart + 1)..],
            Authorization = context.Request.Headers.Authorization.ToString() is { Length: > 0 } auth ? auth : null,
            TenantId = tenantId,
            CardErrors = cardErrors,
            ReceivedAt = receivedAt,
        };
    }

    private static (FakeConnectorOperation, string? ConversationId, string? ActivityId) Route(string method, string[] segments)
    {
        var service = ServicePath.Trim('/');
        return (method, segments) switch
        {
            ("POST", [var s, "v3", "conversations"]) when s == service => (FakeConnectorOperation.CreateConversation, null, null),
            ("POST", [var s, "v3", "conversations", var c, "activities"]) when s == service => (FakeConnectorOperation.SendToConversation, c, null),
            ("POST", [var s, "v3", "conversations", var c, "activities", var a]) when s == service => (FakeConnectorOperation.ReplyToActivity, c, a),
            ("PUT", [var s, "v3", "conversations", var c, "activities", var a]) when s == service => (FakeConnectorOperation.UpdateActivity, c, a),
            ("GET", [var s, "v3", "conversations", var c, "pagedmembers"]) when s == service => (FakeConnectorOperation.GetPagedMembers, c, null),
            ("GET", [var s, "v3", "conversations", var c, "members", var m]) when s == service => (FakeConnectorOperation.GetMember, c, m),
            ("POST", [_, "oauth2", "v2.0", "token"]) => (FakeConnectorOperation.Token, null, null),
            _ => (FakeConnectorOperation.Unknown, null, null),
        };
    }

    private static async Task<JsonElement?> ReadJsonAsync(HttpContext context)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool IsActivityOperation(FakeConnectorOperation operation) => operation is
        FakeConnectorOperation.SendToConversation or FakeConnectorOperation.ReplyToActivity or FakeConnectorOperation.UpdateActivity;

    /// <summary>Runs under the lock: 401 unless the request carries the token the test asked for.</summary>
    private FakeConnectorDecision? Authorize(FakeConnectorRequest request)
    {
        if (request.Operation == FakeConnectorOperation.Token)
        {
            return null;
        }
        var token = request.Authorization is { } auth && auth.StartsWith("Bearer ", StringComparison.Ordinal) ? auth["Bearer ".Length..] : null;
        var allowed = (RequiredBearerToken is null || token == RequiredBearerToken)
            && (!RequireIssuedToken || (token is not null && issuedTokens.Contains(token)));
        return allowed ? null : FakeConnectorDecision.Fail(HttpStatusCode.Unauthorized);
    }

    private Reply Answer(ref FakeConnectorRequest request)
    {
        lock (gate)
        {
            switch (request.Operation)
            {
                case FakeConnectorOperation.Token:
                    return IssueToken(request);
                case FakeConnectorOperation.CreateConversation:
                    return CreateConversation(ref request);
                case FakeConnectorOperation.Unknown:
                    return ErrorReply(request, HttpStatusCode.NotFound, "NotFound", null);
            }

            if (FindConversation(request.ConversationId!) is not { } conversation)
            {
                return ErrorReply(request, HttpStatusCode.NotFound, "ConversationNotFound", null);
            }
            request = request with { TenantId = conversation.TenantId };
            switch (conversation.State)
            {
                case FakeConversationState.Blocked:
                    return ErrorReply(request, HttpStatusCode.Forbidden, "ConversationBlockedByUser", null);
                case FakeConversationState.Gone:
                    return ErrorReply(request, HttpStatusCode.NotFound, "ConversationNotFound", null);
            }

            if (request.Operation == FakeConnectorOperation.GetPagedMembers)
            {
                return PagedMembers(request, conversation);
            }
            if (request.Operation == FakeConnectorOperation.GetMember)
            {
                var memberId = request.ActivityId;
                return conversation.Roster.FirstOrDefault(m => m.Id == memberId || m.AadObjectId == memberId) is { } member
                    ? new Reply(HttpStatusCode.OK, member)
                    : ErrorReply(request, HttpStatusCode.NotFound, "MemberNotFoundInConversation", null);
            }
            if (request.Activity is not { } activity)
            {
                return ErrorReply(request, HttpStatusCode.BadRequest, "BadSyntax", null);
            }
            if (request.CardErrors is { Count: > 0 })
            {
                return ErrorReply(request, HttpStatusCode.BadRequest, "BadArgument", null);
            }
            if (request.Operation == FakeConnectorOperation.UpdateActivity)
            {
                if (!conversation.Activities.ContainsKey(request.ActivityId!))
                {
                    return ErrorReply(request, HttpStatusCode.NotFound, "ActivityNotFound", null);
                }
                activity.Id = request.ActivityId;
                conversation.Activities[activity.Id!] = activity;
                return new Reply(HttpStatusCode.OK, new ResourceResponse { Id = activity.Id });
            }

            activity.Id = (++nextActivityId).ToString(System.Globalization.CultureInfo.InvariantCulture);
            conversation.Activities[activity.Id] = activity;
            return new Reply(HttpStatusCode.Created, new ResourceResponse { Id = activity.Id });
        }
    }

    /// <summary>A 1:1 chat has one stable id per user (as in Teams); a group gets a new thread. Teams requires the tenant.</summary>
    private Reply CreateConversation(ref FakeConnectorRequest request)
    {
        var parameters = request.BodyAs<ConversationParameters>();
        var tenantId = parameters?.ChannelData?.Tenant?.Id ?? parameters?.TenantId;
        if (parameters is null || tenantId is null || (!parameters.IsGroup && parameters.Members.Count != 1))
        {
            return ErrorReply(request, HttpStatusCode.BadRequest, "BadArgument", null);
        }

        var id = parameters.IsGroup ? $"19:fake-group-{++nextGroupId}@thread.v2" : $"a:1on1-{parameters.Members[0].Id}";
        var conversation = GetOrAddConversation(id);
        conversation.TenantId = tenantId;
        request = request with { ConversationId = id, TenantId = tenantId };
        return conversation.State switch
        {
            FakeConversationState.Blocked => ErrorReply(request, HttpStatusCode.Forbidden, "ConversationBlockedByUser", null),
            FakeConversationState.Gone => ErrorReply(request, HttpStatusCode.NotFound, "UserNotFound", null),
            _ => new Reply(HttpStatusCode.Created, new ConversationResourceResponse { Id = id, ServiceUrl = ServiceUrl }),
        };
    }

    private static Reply PagedMembers(FakeConnectorRequest request, FakeConversation conversation)
    {
        var query = ParseQuery(request.Query);
        var pageSize = DefaultPageSize;
        var offset = 0;
        if ((query.TryGetValue("pageSize", out var size) && (!int.TryParse(size, out pageSize) || pageSize < 1))
            || (query.TryGetValue("continuationToken", out var token) && !TryReadContinuationToken(token, out offset)))
        {
            return ErrorReply(request, HttpStatusCode.BadRequest, "BadArgument", null);
        }

        var page = conversation.Roster.Skip(offset).Take(pageSize).ToList();
        var next = offset + page.Count;
        return new Reply(HttpStatusCode.OK, new PagedMembersResult
        {
            Members = page,
            ContinuationToken = next < conversation.Roster.Count ? $"fake-page-{next}" : null,
        });
    }

    private static bool TryReadContinuationToken(string token, out int offset)
    {
        offset = 0;
        return token.StartsWith("fake-page-", StringComparison.Ordinal) && int.TryParse(token["fake-page-".Length..], out offset) && offset >= 0;
    }

    private static Dictionary<string, string> ParseQuery(string? query) =>
        (query ?? "").Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => p.Length > 1 ? Uri.UnescapeDataString(p[1]) : "");

    private Reply IssueToken(FakeConnectorRequest request)
    {
        if (request.Form?.GetValueOrDefault("grant_type") != "client_credentials")
        {
            return ErrorReply(request, HttpStatusCode.BadRequest, "unsupported_grant_type", null);
        }
        var token = $"fake-token-{issuedTokens.Count + 1}";
        issuedTokens.Add(token);
        var seconds = (long)TokenLifetime.TotalSeconds;
        return new Reply(HttpStatusCode.OK, new Dictionary<string, object>
        {
            ["token_type"] = "Bearer",
            ["expires_in"] = seconds,
            ["ext_expires_in"] = seconds,
            ["access_token"] = token,
        });
    }

    /// <summary>Teams' error shape for the connector, OAuth's for the token endpoint; a scripted 2xx has an empty body. The message stands in for text that must never be logged.</summary>
    private static Reply ErrorReply(FakeConnectorRequest request, HttpStatusCode status, string? code, string? retryAfter)
    {
        if ((int)status is >= 200 and < 300)
        {
            return new Reply(status, null, retryAfter);
        }
        code ??= FakeConnectorDecision.DefaultErrorCode(status);
        object body = request.Operation == FakeConnectorOperation.Token
            ? new Dictionary<string, string> { ["error"] = code, ["error_description"] = "AADSTS00000: fake failure" }
            : new Dictionary<string, object> { ["error"] = new Dictionary<string, string> { ["code"] = code, ["message"] = ErrorMessageText } };
        return new Reply(status, body, retryAfter);
    }

    private sealed record Reply(HttpStatusCode Status, object? Body, string? RetryAfter = null);
}
