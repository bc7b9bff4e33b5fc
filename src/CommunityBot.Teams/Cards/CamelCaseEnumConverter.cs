using System.Text.Json;
using System.Text.Json.Serialization;

namespace CommunityBot.Teams.Cards;

/// <summary>Writes a card enum as the camelCase string the schema uses; put on the enum type so every property of it follows.</summary>
public sealed class CamelCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    where TEnum : struct, Enum;
