using System.Globalization;
using System.Text.Json;
using CommunityBot.Teams.Cards;

namespace CommunityBot.CheckIns;

/// <summary>Reads the answers a check-in card sends back; anything that is not a whole number, or an input of the wrong type, makes the answer unreadable.</summary>
internal static class CheckInInputs
{
    /// <summary>Item id → answer; null when an answer cannot be read. Whether the items exist and the values fit the scale is the book's check.</summary>
    public static Dictionary<string, int>? Answers(CardActionContext context)
    {
        Dictionary<string, int> answers = [];
        foreach (var property in context.Data.EnumerateObject().Where(p => p.Name.StartsWith(CheckInCard.ItemPrefix, StringComparison.Ordinal)))
        {
            if (property.Value.ValueKind != JsonValueKind.String
                || !int.TryParse(property.Value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return null;
            }
            answers[property.Name[CheckInCard.ItemPrefix.Length..]] = value;
        }
        return answers;
    }

    /// <summary>The comment, or null when absent; a comment that is not text counts as unreadable (<paramref name="readable"/> false).</summary>
    public static string? Comment(CardActionContext context, out bool readable)
    {
        readable = true;
        if (!context.Data.TryGetProperty(CheckInCard.CommentId, out var comment) || comment.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        readable = comment.ValueKind == JsonValueKind.String;
        return readable ? comment.GetString() : null;
    }
}
