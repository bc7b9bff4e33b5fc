using System.Net;
using CommunityBot.Teams.Schema;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CommunityBot.Testing;

/// <summary>
/// A Bot Connector as strict as Teams, on a real HTTP server on 127.0.0.1 with a free port. It assigns activity ids,
/// keeps conversations and rosters, and records every request as soon as its body has arrived (Teams posts a message
/// even when the caller hangs up before the answer). Like Teams it enforces the rate limits (429 + Retry-After; a test
/// that needs otherwise says so with <see cref="UseRateLimits"/>), answers 404 for a conversation it never created or
/// was never told about (<see cref="AddConversation"/>), and rejects with 400 a card the official renderer finds
/// invalid. It can be scripted to throttle, fail or lag, and serves an Entra-style token endpoint
/// (<c>POST /{tenant}/oauth2/v2.0/token</c>) for the outbound-token tests.
/// </summary>
public sealed partial class FakeTeamsConnector : IAsyncDisposable
{
    public const string DefaultTenantId = "7e1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b";
    private const string ServicePath = "/teams";
    private const int DefaultPageSize = 200;

    private readonly Lock gate = new();
    private readonly WebApplication app;
    private readonly CancellationTokenSource stopping = new();
    private readonly List<FakeConnectorRequest> requests = [];
    private readonly Dictionary<string, FakeConversation> conversations = new(StringComparer.Ordinal);
    private readonly List<IFakeConnectorPolicy> policies;
    private readonly List<(Func<bool> Condition, TaskCompletionSource Done)> waiters = [];
    private readonly List<string> issuedTokens = [];
    private long nextActivityId = 1000;
    private int nextGroupId;
    private int disposed;

    private FakeTeamsConnector(WebApplication app, TimeProvider time)
    {
        this.app = app;
        Time = time;
        RateLimits = new TeamsRateLimitPolicy();
        policies = [Scripted];
    }

    /// <summary>Teams' limits, on by default; null when a test turned them off.</summary>
    public TeamsRateLimitPolicy? RateLimits { get; private set; }

    public TimeProvider Time { get; }

    /// <summary>Where the fake listens, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The serviceUrl to put on activities and conversation references; like Teams', it has a path and a trailing '/'.</summary>
    public string ServiceUrl => $"{BaseAddress.GetLeftPart(UriPartial.Authority)}{ServicePath}/";

    /// <summary>The tenant assumed for conversations that were never created with one.</summary>
    public string TenantId { get; set; } = DefaultTenantId;

    /// <summary>When set, connector requests without exactly <c>Bearer {token}</c> get 401.</summary>
    public string? RequiredBearerToken { get; set; }

    /// <summary>When true, connector requests must carry a token this fake's token endpoint issued (401 otherwise).</summary>
    public bool RequireIssuedToken { get; set; }

    /// <summary>expires_in of issued tokens. MSAL renews tokens that expire within 5 minutes.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Added to every connector request before it is answered.</summary>
    public TimeSpan Latency { get; set; }

    public ScriptedResponsesPolicy Scripted { get; } = new();

    public static async Task<FakeTeamsConnector> StartAsync(TimeProvider? time = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Urls.Add("http://127.0.0.1:0");
        var fake = new FakeTeamsConnector(app, time ?? TimeProvider.System);
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        fake.BaseAddress = new Uri(address);
        return fake;
    }

    public IReadOnlyList<FakeConnectorRequest> Requests
    {
        get { lock (gate) { return [.. requests]; } }
    }

    /// <summary>Activities Teams accepted (send, reply, update), in the order they arrived.</summary>
    public IReadOnlyList<FakeConnectorRequest> SentActivities
    {
        get { lock (gate) { return [.. requests.Where(IsAcceptedActivity)]; } }
    }

    public IReadOnlyList<FakeConnectorRequest> TokenRequests
    {
        get { lock (gate) { return [.. requests.Where(r => r.Operation == FakeConnectorOperation.Token)]; } }
    }

    public IReadOnlyList<string> IssuedTokens
    {
        get { lock (gate) { return [.. issuedTokens]; } }
    }

    /// <summary>The activities now in a conversation (an update replaces the original), by id.</summary>
    public IReadOnlyDictionary<string, Activity> ActivitiesIn(string conversationId)
    {
        lock (gate)
        {
            return conversations.TryGetValue(conversationId, out var conversation)
                ? new Dictionary<string, Activity>(conversation.Activities)
                : new Dictionary<string, Activity>();
        }
    }

    public void AddPolicy(IFakeConnectorPolicy policy)
    {
        lock (gate) { policies.Add(policy); }
    }

    /// <summary>Replaces Teams' default limits with other ones (a scaled ceiling), or turns them off with null.</summary>
    public void UseRateLimits(TeamsRateLimitPolicy? limits)
    {
        lock (gate) { RateLimits = limits; }
    }

    /// <summary>Tells the fake about a conversation Teams would know (a channel, a chat the bot is in), so sends to it succeed.</summary>
    public void AddConversation(string conversationId, string? tenantId = null)
    {
        lock (gate)
        {
            GetOrAddConversation(conversationId).TenantId = tenantId ?? GetOrAddConversation(conversationId).TenantId;
        }
    }

    /// <summary>
    /// Learns the conversations an incoming activity shows: the one it came from (without a thread's
    /// <c>;messageid=</c>), and the team and channel of its channel data.
    /// </summary>
    public void Learn(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var tenantId = activity.TenantId;
        var ids = new[] { activity.Conversation?.Id?.Split(';')[0], activity.ChannelData?.Team?.Id, activity.ChannelData?.Channel?.Id };
        foreach (var id in ids.OfType<string>().Where(id => id.Length > 0))
        {
            AddConversation(id, tenantId);
        }
    }

    /// <summary>Answers the next <paramref name="count"/> matching requests with <paramref name="decision"/>.</summary>
    public void RespondToNext(int count, FakeConnectorDecision decision, string? conversationId = null, FakeConnectorOperation? operation = null)
    {
        lock (gate) { Scripted.Add(count, decision, conversationId, operation); }
    }

    public void ThrottleNext(int count, TimeSpan retryAfter, string? conversationId = null) =>
        RespondToNext(count, FakeConnectorDecision.Throttle(retryAfter), conversationId);

    public void FailNext(int count, HttpStatusCode status, string? conversationId = null) =>
        RespondToNext(count, FakeConnectorDecision.Fail(status), conversationId);

    public void DelayNext(int count, TimeSpan delay, string? conversationId = null) =>
        RespondToNext(count, FakeConnectorDecision.Latency(delay), conversationId);

    public void SetRoster(string conversationId, IEnumerable<ChannelAccount> members)
    {
        lock (gate) { GetOrAddConversation(conversationId).Roster = [.. members]; }
    }

    public void SetConversationState(string conversationId, FakeConversationState state)
    {
        lock (gate) { GetOrAddConversation(conversationId).State = state; }
    }

    /// <summary>Completes when at least <paramref name="count"/> activities were accepted; throws <see cref="TimeoutException"/> otherwise.</summary>
    public async Task<IReadOnlyList<FakeConnectorRequest>> WaitForActivitiesAsync(int count, TimeSpan timeout)
    {
        await WaitUntilAsync(() => requests.Count(IsAcceptedActivity) >= count, timeout);
        return SentActivities;
    }

    /// <summary>Completes when <paramref name="condition"/> (evaluated under the fake's lock after each request) holds.</summary>
    public Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            if (condition())
            {
                return Task.CompletedTask;
            }
            waiters.Add((condition, done));
        }
        return done.Task.WaitAsync(timeout);
    }

    /// <summary>
    /// A handler for MSAL's HttpClient that sends requests meant for the (https) authority host to this fake:
    /// MSAL refuses http authorities, so tests keep the real authority URL and redirect underneath.
    /// </summary>
    public DelegatingHandler CreateAuthorityRedirectHandler() => new AuthorityRedirectHandler(BaseAddress);

    /// <summary>Stops the server, ending pending latency at once; safe to call twice (a test may stop it early).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }
        await stopping.CancelAsync();
        await app.StopAsync();
        await app.DisposeAsync();
        stopping.Dispose();
    }

    private static bool IsAcceptedActivity(FakeConnectorRequest request) =>
        request.Succeeded && request.Activity is not null;

    /// <summary>A reply thread in a channel (<c>19:…;messageid=…</c>) lives in that channel.</summary>
    private FakeConversation? FindConversation(string id) =>
        conversations.GetValueOrDefault(id) ?? conversations.GetValueOrDefault(id.Split(';')[0]);

    private FakeConversation GetOrAddConversation(string id)
    {
        if (!conversations.TryGetValue(id, out var conversation))
        {
            conversation = new FakeConversation(id) { TenantId = TenantId };
            conversations.Add(id, conversation);
        }
        return conversation;
    }

    private void Record(FakeConnectorRequest request)
    {
        List<TaskCompletionSource> completed = [];
        lock (gate)
        {
            requests.Add(request);
            for (var i = waiters.Count - 1; i >= 0; i--)
            {
                if (waiters[i].Condition())
                {
                    completed.Add(waiters[i].Done);
                    waiters.RemoveAt(i);
                }
            }
        }
        completed.ForEach(done => done.TrySetResult());
    }

    private sealed class AuthorityRedirectHandler(Uri target) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.RequestUri = new UriBuilder(request.RequestUri!) { Scheme = target.Scheme, Host = target.Host, Port = target.Port }.Uri;
            return base.SendAsync(request, cancellationToken);
        }
    }
}
