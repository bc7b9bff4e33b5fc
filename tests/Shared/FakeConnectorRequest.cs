using System.Text.Json;
using CommunityBot.Teams.Schema;

namespace CommunityBot.Testing;

public enum FakeConnectorOperation
{
    Unknown,
    CreateConversation,
    SendToConversation,
    ReplyToActivity,
    UpdateActivity,
    GetPagedMembers,
    GetMember,
    Token,
}

/// <summary>One request the fake connector received, as a test (or a policy) sees it.</summary>
public sealed record FakeConnectorRequest
{
    public required FakeConnectorOperation Operation { get; init; }
    public required string Method { get; init; }

    /// <summary>The path with ids decoded, e.g. <c>/teams/v3/conversations/a:1on1-29:1/activities</c>.</summary>
    public required string Path { get; init; }

    /// <summary>The request target exactly as sent on the wire, to check escaping.</summary>
    public required string RawTarget { get; init; }

    public string? ConversationId { get; init; }

    /// <summary>
    /// The activity id in the path (reply, update), or the member id (get member); for the id Teams assigned see
    /// <see cref="Activity"/>.Id.
    /// </summary>
    public string? ActivityId { get; init; }

    /// <summary>The posted activity, its Id set to the id the fake assigned (send, reply) or kept (update).</summary>
    public Activity? Activity { get; init; }

    public JsonElement? Body { get; init; }

    /// <summary>Form fields of a token request (client_id, scope, grant_type; the secret is left out).</summary>
    public IReadOnlyDictionary<string, string>? Form { get; init; }

    public string? Query { get; init; }
    public string? Authorization { get; init; }

    /// <summary>The conversation's tenant when the fake knows it: lets a policy count per tenant.</summary>
    public string? TenantId { get; init; }

    /// <summary>What the official renderer found wrong with the posted cards (Teams answered 400); empty when they are valid.</summary>
    public IReadOnlyList<string>? CardErrors { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>The status the fake answered with; 0 while policies are still deciding.</summary>
    public int StatusCode { get; init; }

    public bool Succeeded => StatusCode is >= 200 and < 300;

    public T? BodyAs<T>() => Body is { } body ? body.Deserialize<T>(TeamsJson.Options) : default;
}
