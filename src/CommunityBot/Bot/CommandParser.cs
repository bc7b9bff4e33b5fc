using System.Net;
using System.Text.RegularExpressions;
using CommunityBot.Limits;

namespace CommunityBot.Bot;

/// <summary>Turns what a person typed (possibly "@CommunityBot help" in a channel, as HTML) into a comparable command text.</summary>
public static class CommandParser
{
    public static string Normalize(string? text) => AsTyped(text).ToLowerInvariant();

    /// <summary>The same clean-up as <see cref="Normalize"/> but with the person's capitals kept, for free text such as a reason.</summary>
    public static string AsTyped(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }
        var withoutMentions = MentionTag.Replace(text, " ");
        var withoutTags = HtmlTag.Replace(withoutMentions, " ");
        var decoded = WebUtility.HtmlDecode(withoutTags);
        return Whitespace.Replace(decoded, " ").Trim().TrimEnd('.', '!', '?');
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

    /// <summary>The typed form of <paramref name="arguments"/> (cut from the end of <paramref name="typed"/>), or the arguments themselves when lower-casing changed the length.</summary>
    public static string TypedArguments(string normalized, string typed, string arguments) =>
        typed.Length == normalized.Length ? typed[(typed.Length - arguments.Length)..] : arguments;

    private static readonly Regex MentionTag = LinearRegex.Create("<at>.*?</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline);

    private static readonly Regex HtmlTag = LinearRegex.Create("<[^>]+>");

    private static readonly Regex Whitespace = LinearRegex.Create(@"\s+");
}
