using System.Collections.Concurrent;
using System.Text.Json;
using CommunityBot.Teams.Schema;

namespace CommunityBot.Tests.Logging;

/// <summary>
/// What a test sent that people wrote or are: message texts, typed card inputs (comments, answers, reasons), display
/// names, e-mail addresses and tokens. Machine values on cards (verbs, ids, choices such as "done") are not collected,
/// nor very short values, which any log line might contain by chance.
/// </summary>
public sealed class SensitiveValues
{
    /// <summary>Shorter values ("help", "Tom") match ordinary words and ids; everything the scan is meant to catch is longer.</summary>
    public const int MinimumLength = 6;

    private readonly ConcurrentDictionary<string, string> values = new(StringComparer.OrdinalIgnoreCase);

    public IEnumerable<(string Value, string Origin)> All => values.Select(v => (v.Key, v.Value));

    public void Add(string? value, string origin)
    {
        var trimmed = value?.Trim();
        if (trimmed is { Length: >= MinimumLength })
        {
            values.TryAdd(trimmed, origin);
        }
    }

    /// <summary>
    /// A command's own words ("intervision group", "digest" in "digest off") are the product's, even when someone typed
    /// them; what follows them ("klaar het artikel") is still what the person wrote.
    /// </summary>
    public void Forget(IEnumerable<string> commandWords)
    {
        var words = commandWords.OrderByDescending(w => w.Length).ToList();
        foreach (var (value, origin) in values.ToList())
        {
            if (words.FirstOrDefault(w => value.Equals(w, StringComparison.OrdinalIgnoreCase) || value.StartsWith(w + " ", StringComparison.OrdinalIgnoreCase)) is { } word)
            {
                values.TryRemove(value, out _);
                Add(value[word.Length..], origin);
            }
        }
    }

    /// <summary>A bearer token is a secret however it looks.</summary>
    public void AddAuthorization(string? authorization) =>
        Add(authorization?.Split(' ', 2) is [_, var token] ? token : authorization, "token");

    public void AddActivity(Activity activity)
    {
        AddPerson(activity.From, "sender");
        foreach (var member in (activity.MembersAdded ?? []).Concat(activity.MembersRemoved ?? []))
        {
            AddPerson(member, "member");
        }
        if (IsWritten(activity.Text))
        {
            Add(activity.Text, "message text");
        }
        if (activity.Value is { } value)
        {
            AddWritten(value);
        }
    }

    public void AddPerson(ChannelAccount? person, string origin)
    {
        // A bot's name ("CommunityBot") is the product's, not a person's.
        if (person?.Id?.StartsWith("28:", StringComparison.Ordinal) == true)
        {
            return;
        }
        Add(person?.Name, origin + " name");
        Add(person?.Email, origin + " e-mail");
        Add(person?.UserPrincipalName, origin + " UPN");
    }

    /// <summary>Card data mixes machine values with what someone typed; typed text has a space or an @ in it.</summary>
    private void AddWritten(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    AddWritten(property.Value);
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    AddWritten(item);
                }
                break;
            case JsonValueKind.String when IsWritten(element.GetString()):
                Add(element.GetString(), "card input");
                break;
        }
    }

    private static bool IsWritten(string? text) => text is not null && (text.Trim().Contains(' ') || text.Contains('@'));
}
