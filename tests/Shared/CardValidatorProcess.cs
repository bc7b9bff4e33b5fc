using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;

namespace CommunityBot.Testing;

/// <summary>
/// One long-lived <c>validate-cards.js --lines</c> for the whole test run, so the fake connector can check every card
/// it receives without starting node per card. Answers are cached by card text: most cards repeat.
/// </summary>
internal static class CardValidatorProcess
{
    private static readonly Lock Gate = new();
    private static readonly ConcurrentDictionary<string, IReadOnlyList<string>> Answers = new(StringComparer.Ordinal);
    private static Process? node;

    public static IReadOnlyList<string> Validate(JsonElement card)
    {
        var text = card.GetRawText().ReplaceLineEndings(" ");
        if (Answers.TryGetValue(text, out var known))
        {
            return known;
        }
        lock (Gate)
        {
            var process = Running();
            process.StandardInput.WriteLine(text);
            process.StandardInput.Flush();
            var line = process.StandardOutput.ReadLine()
                ?? throw new InvalidOperationException("validate-cards.js --lines stopped: " + process.StandardError.ReadToEnd());
            var answer = JsonSerializer.Deserialize<Answer>(line, JsonSerializerOptions.Web)
                ?? throw new InvalidOperationException($"Unexpected validator output: {line}");
            return Answers[text] = answer.Errors;
        }
    }

    private static Process Running()
    {
        if (node is { HasExited: false })
        {
            return node;
        }
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = NodeTools.Locate(),
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("validate-cards.js");
        start.ArgumentList.Add("--lines");
        node = Process.Start(start) ?? throw new InvalidOperationException("Could not start node for card validation.");
        // Ends with the test run: closing its stdin lets node finish on its own.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => node.StandardInput.Close();
        return node;
    }

    private sealed record Answer(bool Ok, IReadOnlyList<string> Errors);
}
