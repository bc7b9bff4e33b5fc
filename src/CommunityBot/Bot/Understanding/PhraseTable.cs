using System.Reflection;

namespace CommunityBot.Bot.Understanding;

/// <summary>A phrasing that matched: the trigger it means (or an intent such as <see cref="PhraseTable.Greeting"/>) and the words its <c>*</c> stood for.</summary>
public sealed record PhraseMatch(string Target, string Arguments)
{
    /// <summary>A greeting or thanks: no command runs, the bot answers in kind.</summary>
    public bool IsIntent => Target.StartsWith('@');
}

/// <summary>
/// Natural phrasings and what they mean, read from <c>Phrasings-nl.txt</c> and <c>Phrasings-en.txt</c> (data, so a
/// new phrasing needs no code). Every phrasing is tried whatever the person's language: people mix them.
/// </summary>
public sealed class PhraseTable
{
    public const string Greeting = "@greeting";
    public const string Thanks = "@thanks";
    private const string Wildcard = "*";

    /// <summary>A line starting with this lists words a <c>*</c> never stands for ("ik heb het artikel niet gelezen").</summary>
    private const string NegationsLine = "!";

    private readonly List<(string[] Before, string[] After, bool HasWildcard, string Target)> phrasings;
    private readonly HashSet<string> negations;

    private PhraseTable(List<(string[], string[], bool, string)> phrasings, HashSet<string> negations)
    {
        this.phrasings = phrasings;
        this.negations = negations;
    }

    public static PhraseTable Default { get; } = Load();

    /// <summary>Every target the tables name, for the test that each is a trigger the bot knows.</summary>
    public IEnumerable<string> Targets => phrasings.Select(p => p.Target).Distinct();

    /// <summary>
    /// The first phrasing that is the whole text (<paramref name="whole"/> false when the words were cut off: then only
    /// a phrasing without <c>*</c> at its end could still be the whole text, and none is tried).
    /// </summary>
    public PhraseMatch? Match(IReadOnlyList<string> words, bool whole)
    {
        if (!whole)
        {
            return null;
        }
        foreach (var (before, after, hasWildcard, target) in phrasings)
        {
            if (hasWildcard ? words.Count > before.Length + after.Length : words.Count == before.Length)
            {
                if (StartsWith(words, before) && EndsWith(words, after))
                {
                    var captured = words.Skip(before.Length).Take(words.Count - before.Length - after.Length).ToList();
                    if (captured.Any(negations.Contains))
                    {
                        continue;
                    }
                    return new PhraseMatch(target, string.Join(' ', captured));
                }
            }
        }
        return null;
    }

    public static PhraseTable Parse(IEnumerable<string> lines)
    {
        var parsed = new List<(string[], string[], bool, string)>();
        var negations = new HashSet<string>();
        foreach (var line in lines.Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            if (line.StartsWith(NegationsLine, StringComparison.Ordinal))
            {
                negations.UnionWith(line[NegationsLine.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries));
                continue;
            }
            var arrow = line.IndexOf("=>", StringComparison.Ordinal);
            if (arrow < 0)
            {
                throw new FormatException($"A phrasing needs '=>': {line}");
            }
            var words = line[..arrow].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var target = line[(arrow + 2)..].Trim();
            var star = Array.IndexOf(words, Wildcard);
            parsed.Add(star < 0
                ? (words, [], false, target)
                : (words[..star], words[(star + 1)..], true, target));
        }
        return new PhraseTable(parsed, negations);
    }

    private static PhraseTable Load()
    {
        var assembly = typeof(PhraseTable).Assembly;
        var lines = new List<string>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.Contains(".Phrasings-", StringComparison.Ordinal)).Order())
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            lines.AddRange(reader.ReadToEnd().Split('\n'));
        }
        return Parse(lines);
    }

    private static bool StartsWith(IReadOnlyList<string> words, string[] prefix)
    {
        for (var i = 0; i < prefix.Length; i++)
        {
            if (words[i] != prefix[i])
            {
                return false;
            }
        }
        return true;
    }

    private static bool EndsWith(IReadOnlyList<string> words, string[] suffix)
    {
        for (var i = 0; i < suffix.Length; i++)
        {
            if (words[words.Count - suffix.Length + i] != suffix[i])
            {
                return false;
            }
        }
        return true;
    }
}
