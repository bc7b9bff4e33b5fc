using System.Net;
using System.Text.RegularExpressions;

namespace CommunityBot.Bot;

/// <summary>Turns what a person typed (possibly "@CommunityBot help" in a channel, as HTML) into a comparable command text.</summary>
public static partial class CommandParser
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }
        var withoutMentions = MentionTag().Replace(text, " ");
        var withoutTags = HtmlTag().Replace(withoutMentions, " ");
        var decoded = WebUtility.HtmlDecode(withoutTags);
        return Whitespace().Replace(decoded, " ").Trim().TrimEnd('.', '!', '?').ToLowerInvariant();
    }

    /// <summary>True when the trigger is the whole text or its first words; <paramref name="arguments"/> is the rest.</summary>
    public static bool Matches(string normalized, string trigger, out string arguments)
    {
        if (normalized == trigger || normalized.StartsWith(trigger + " ", StringComparison.Ordinal))
        {
            arguments = normalized[trigger.Length..].Trim();
            return true;
        }
        arguments = "";
        return false;
    }

    [GeneratedRegex("<at>.*?</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex MentionTag();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
