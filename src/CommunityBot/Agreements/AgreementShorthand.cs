using System.Net;
using System.Text.RegularExpressions;
using CommunityBot.Limits;

namespace CommunityBot.Agreements;

/// <summary>A parsed short agreement: <c>afspraak &lt;kind&gt; @owner… [voor @dependant…]: text</c>.</summary>
/// <param name="Due">The date after <c>tegen</c> / <c>by</c>; null when none was given (the next planned session).</param>
public sealed record Shorthand(AgreementKind Kind, IReadOnlyList<string> Owners, bool WholeGroup, IReadOnlyList<string> Dependants, bool WholeGroupDepends, string Text, ShorthandDue? Due = null);

/// <summary>
/// The fast typist's syntax. Examples: <c>afspraak afwerken @Megan @Adele: lesvoorbereiding H3 afwerken</c>,
/// <c>agreement review @all: read the Hattie article</c>, <c>afspraak aanbrengen @Megan voor @Adele: oefenbundel</c>.
/// Names are first names or full names; Teams mentions (<c>&lt;at&gt;Megan Bowen&lt;/at&gt;</c>) work too. A due
/// session can close the head: <c>afspraak afwerken @Megan tegen 12/3: …</c>, <c>agreement finish @Megan by 12 March: …</c>.
/// </summary>
public static class AgreementShorthand
{
    public static readonly IReadOnlyList<string> Triggers = ["afspraak", "agreement"];

    private static readonly Dictionary<string, AgreementKind> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["finish"] = AgreementKind.Finish,
        ["afwerken"] = AgreementKind.Finish,
        ["af"] = AgreementKind.Finish,
        ["review"] = AgreementKind.Review,
        ["bespreken"] = AgreementKind.Review,
        ["lezen"] = AgreementKind.Review,
        ["provide"] = AgreementKind.Provide,
        ["aanbrengen"] = AgreementKind.Provide,
        ["bezorgen"] = AgreementKind.Provide,
        ["delen"] = AgreementKind.Provide,
    };

    private static readonly HashSet<string> Everyone = new(StringComparer.OrdinalIgnoreCase) { "all", "everyone", "iedereen", "allen", "groep", "group" };

    /// <summary>Null when the text does not follow the syntax; the caller then shows how it goes.</summary>
    public static Shorthand? Parse(string? raw)
    {
        var text = Plain(raw);
        var start = TriggerAt.Match(text);
        if (!start.Success)
        {
            return null;
        }
        var trigger = start.Groups[1];
        var rest = text[(trigger.Index + trigger.Length)..];
        var colon = rest.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return null;
        }
        var head = rest[..colon].Trim();
        var what = rest[(colon + 1)..].Trim();
        ShorthandDue? due = null;
        if (DueAt.Match(head) is { Success: true } dueMatch)
        {
            due = ShorthandDue.Parse(dueMatch.Groups[1].Value);
            if (due is null)
            {
                return null;
            }
            head = head[..dueMatch.Index].Trim();
        }
        var kindWord = head.Split(' ', 2)[0];
        if (what.Length == 0 || !Kinds.TryGetValue(kindWord, out var kind))
        {
            return null;
        }
        var people = For.Split(head[kindWord.Length..], 2);
        var (owners, all) = Names(people[0]);
        var (dependants, allDepend) = people.Length > 1 ? Names(people[1]) : ([], false);
        return owners.Count == 0 && !all ? null : new Shorthand(kind, owners, all, dependants, allDepend, what, due);
    }

    private static (IReadOnlyList<string> Names, bool Everyone) Names(string part)
    {
        var names = part.Split('@', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(n => n.Length > 0).ToList();
        return ([.. names.Where(n => !Everyone.Contains(n))], names.Any(Everyone.Contains));
    }

    /// <summary>Teams mentions become "@Name"; other markup goes; case is kept (the agreement text is shown as typed).</summary>
    private static string Plain(string? raw)
    {
        var mentions = Mention.Replace(raw ?? "", m => "@" + m.Groups[1].Value);
        return WebUtility.HtmlDecode(Tag.Replace(mentions, " ")).Trim();
    }

    /// <summary>The trigger word (group 1) at the start or after a space, and the space after it.</summary>
    private static readonly Regex TriggerAt = LinearRegex.Create(@"(?:^|\s)(afspraak|agreement)\s", RegexOptions.IgnoreCase);

    private static readonly Regex DueAt = LinearRegex.Create(@"\s(?:tegen|by)\s+([^@]+)$", RegexOptions.IgnoreCase);

    private static readonly Regex For = LinearRegex.Create(@"\s(?:voor|for)\s", RegexOptions.IgnoreCase);

    private static readonly Regex Mention = LinearRegex.Create("<at>(.*?)</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline);

    private static readonly Regex Tag = LinearRegex.Create("<[^>]+>");
}
