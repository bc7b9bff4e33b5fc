namespace CommunityBot.Tests.Processes;

/// <summary>Deletes a test's working directory when the test ends, whatever happened.</summary>
internal sealed class TemporaryDirectory(string path) : IDisposable
{
    public void Dispose()
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }
}
