using System.Diagnostics;

namespace CommunityBot.Tests.Processes;

/// <summary>A server the test starts as a real process; its output is kept for the failure message, and it is killed on dispose.</summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly List<string> output = [];

    private ChildProcess(Process process) => this.process = process;

    public static ChildProcess Start(string fileName, IEnumerable<string> arguments, string workingDirectory, IDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }
        var child = new ChildProcess(new Process { StartInfo = info, EnableRaisingEvents = true });
        child.process.OutputDataReceived += (_, e) => child.Keep(e.Data);
        child.process.ErrorDataReceived += (_, e) => child.Keep(e.Data);
        child.process.Start();
        child.process.BeginOutputReadLine();
        child.process.BeginErrorReadLine();
        return child;
    }

    public bool HasExited => process.HasExited;

    /// <summary>The process id, e.g. to read its memory from /proc.</summary>
    public int Id => process.Id;

    /// <summary>The last lines the process wrote, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return string.Join(Environment.NewLine, output.TakeLast(200));
            }
        }
    }

    /// <summary>Every line the process wrote so far.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (output)
            {
                return [.. output];
            }
        }
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing, exactly like a crashed machine.</summary>
    public void Kill()
    {
        process.Kill();
        process.WaitForExit();
    }

    /// <summary>Polls <paramref name="url"/> until it answers 2xx; fails with the process output if it exits or times out.</summary>
    public async Task WaitUntilAnswersAsync(string url, TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        using var deadline = new CancellationTokenSource(timeout);
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        while (!deadline.IsCancellationRequested)
        {
            if (HasExited)
            {
                throw new InvalidOperationException($"{process.StartInfo.FileName} exited with {process.ExitCode}:{Environment.NewLine}{Output}");
            }
            try
            {
                if ((await http.GetAsync(url, deadline.Token)).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }
            await poll.WaitForNextTickAsync(CancellationToken.None);
        }
        throw new TimeoutException($"{url} did not answer within {timeout}:{Environment.NewLine}{Output}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.Add(line);
            }
        }
    }
}
