using System.Text.Json;
using CommunityBot.Teams.Schema;

namespace CommunityBot.Teams.Cards;

/// <summary>
/// The body the bot returns (with HTTP 200) for an <c>adaptiveCard/action</c> invoke. Teams shows a card in place of
/// the old one, a message as a short notice, or an error's message; it must arrive within 15 seconds.
/// </summary>
public sealed class InvokeResponse
{
    public const string CardType = AdaptiveCard.ContentType;
    public const string MessageType = "application/vnd.microsoft.activity.message";
    public const string ErrorType = "application/vnd.microsoft.error";

    public int StatusCode { get; init; } = 200;
    public string? Type { get; init; }
    public JsonElement? Value { get; init; }

    public static InvokeResponse Card(AdaptiveCard card) => new() { Type = CardType, Value = card.ToJsonElement() };

    public static InvokeResponse Message(string text) => new() { Type = MessageType, Value = TeamsJson.ToElement(text) };

    /// <param name="code">A machine-readable code, e.g. "BadRequest".</param>
    public static InvokeResponse Error(int statusCode, string code, string message) => new()
    {
        StatusCode = statusCode,
        Type = ErrorType,
        Value = TeamsJson.ToElement(new InvokeError(code, message)),
    };

    public static InvokeResponse Empty() => new();

    public string ToJson() => JsonSerializer.Serialize(this, TeamsJson.Options);
}

public sealed record InvokeError(string Code, string Message);
