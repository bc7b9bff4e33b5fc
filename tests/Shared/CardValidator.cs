using System.Diagnostics;
using System.Text;
using System.Text.Json;
using CommunityBot.Teams.Cards;
using Xunit;

namespace CommunityBot.Testing;

/// <summary>
/// Validates cards with the official Adaptive Cards renderer (tools/node/validate-cards.js) plus the checks it skips.
/// One node process per batch, so a test passes every card it builds in one call.
/// </summary>
public static class CardValidator
{
    private static readonly TimeSpan NodeTimeout = TimeSpan.FromMinutes(2);
    private static readonly Lazy<string> ToolsDirectory = new(LocateTools);

    /// <summary>Fails the test listing every problem of every invalid card.</summary>
    public static void AssertAllValid(IReadOnlyDictionary<string, AdaptiveCard> cards)
    {
        var invalid = Validate(cards).Where(c => c.Value.Count > 0).ToList();
        if (invalid.Count > 0)
        {
            var report = new StringBuilder($"{invalid.Count} of {cards.Count} card(s) are invalid:");
            foreach (var (name, errors) in invalid)
            {
                report.AppendLine().Append("  ").Append(name).Append(':');
                foreach (var error in errors)
                {
                    report.AppendLine().Append("    - ").Append(error);
                }
            }

            Assert.Fail(report.ToString());
        }
    }

    public static void AssertValid(AdaptiveCard card, string name = "card") =>
        AssertAllValid(new Dictionary<string, AdaptiveCard> { [name] = card });

    /// <summary>Every card's errors by name; an empty list means valid.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Validate(IReadOnlyDictionary<string, AdaptiveCard> cards) =>
        Validate(cards.ToDictionary(c => c.Key, c => c.Value.ToJsonElement()));

    /// <summary>For raw JSON, e.g. to prove that a broken card is caught.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Validate(IReadOnlyDictionary<string, JsonElement> cards)
    {
        var directory = Directory.CreateTempSubdirectory("communitybot-cards-");
        try
        {
            var nameByFile = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (name, json) in cards)
            {
                var file = $"{nameByFile.Count:D4}-{SafeFileName(name)}.json";
                nameByFile[file] = name;
                File.WriteAllText(Path.Combine(directory.FullName, file), json.GetRawText());
            }

            var results = RunValidator(directory.FullName);
            var missing = nameByFile.Keys.Except(results.Keys).ToList();
            if (missing.Count > 0)
            {
                throw new InvalidOperationException($"validate-cards.js gave no result for: {string.Join(", ", missing)}.");
            }

            return nameByFile.ToDictionary(f => f.Value, f => results[f.Key]);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static Dictionary<string, IReadOnlyList<string>> RunValidator(string cardsDirectory)
    {
        var (exitCode, stdout, stderr) = Run("node", ["validate-cards.js", cardsDirectory], ToolsDirectory.Value);
        if (exitCode is not (0 or 1))
        {
            throw new InvalidOperationException($"validate-cards.js failed (exit {exitCode}): {stderr}");
        }

        var results = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var line in stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var result = JsonSerializer.Deserialize<FileResult>(line, JsonSerializerOptions.Web)
                ?? throw new InvalidOperationException($"Unexpected validator output: {line}");
            results[result.File] = result.Errors;
        }

        return results;
    }

    private sealed record FileResult(string File, bool Ok, IReadOnlyList<string> Errors);

    private static string LocateTools()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "CommunityBot.sln")))
        {
            root = root.Parent;
        }

        var tools = Path.Combine(
            root?.FullName ?? throw new InvalidOperationException("CommunityBot.sln not found above " + AppContext.BaseDirectory),
            "tools",
            "node");
        EnsureNodeModules(tools);
        return tools;
    }

    // A fresh clone has no node_modules: install the locked versions once. A named mutex keeps two test
    // projects running in parallel from installing into the same folder at the same time.
    private static void EnsureNodeModules(string tools)
    {
        var renderer = Path.Combine(tools, "node_modules", "adaptivecards", "dist", "adaptivecards.min.js");
        if (File.Exists(renderer))
        {
            return;
        }

        using var mutex = new Mutex(initiallyOwned: false, "CommunityBot.NodeTools.npm-ci");
        if (!mutex.WaitOne(NodeTimeout))
        {
            throw new TimeoutException("Waited too long for another test run's `npm ci` in " + tools);
        }

        try
        {
            if (File.Exists(renderer))
            {
                return;
            }

            var (exitCode, _, stderr) = Run("npm", ["ci", "--no-audit", "--no-fund"], tools);
            if (exitCode != 0 || !File.Exists(renderer))
            {
                throw new InvalidOperationException(
                    $"tools/node/node_modules is missing and `npm ci` failed (exit {exitCode}). Run `npm ci` in {tools} " +
                    $"(the README's test command does this) and try again.\n{stderr}");
            }
        }
        finally
        {
            mutex.ReleaseMutex();
        }
    }

    private static (int ExitCode, string Stdout, string Stderr) Run(string command, IEnumerable<string> arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(command)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {command}.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"`{command}` was not found: card validation needs Node.js 20 or later on PATH.", e);
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(NodeTimeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"`{command}` did not finish within {NodeTimeout}.");
            }

            return (process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
        }
    }

    private static string SafeFileName(string name)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var safe = new string(name.Select(c => invalid.Contains(c) || char.IsWhiteSpace(c) ? '_' : c).ToArray());
        return safe.Length > 60 ? safe[..60] : safe;
    }
}
