using System.Text.RegularExpressions;

namespace CommunityBot.Limits;

/// <summary>
/// Every regular expression that reads what a person typed. The non-backtracking engine takes time linear in the input
/// whatever it holds (a backtracking <c>&lt;at&gt;.*?&lt;/at&gt;</c> over a megabyte of unclosed tags took seconds); it
/// has no lookarounds, so patterns consume their boundaries instead. The timeout is a last guard, never expected to fire.
/// </summary>
internal static class LinearRegex
{
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    public static Regex Create(string pattern, RegexOptions options = RegexOptions.None) =>
        new(pattern, options | RegexOptions.NonBacktracking, MatchTimeout);
}
