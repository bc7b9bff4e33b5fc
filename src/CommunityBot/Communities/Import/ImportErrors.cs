namespace CommunityBot.Communities.Import;

/// <summary>
/// The errors of one import: the first <c>limit</c> kept in file order, all of them counted, so a file that is wrong on
/// every one of its 200,000 lines answers with a short list and the total.
/// </summary>
public sealed class ImportErrors(int limit)
{
    private readonly List<ImportError> listed = [];

    public int Count { get; private set; }

    public IReadOnlyList<ImportError> Listed => listed;

    public void Add(string at, string reason)
    {
        Count++;
        if (listed.Count < limit)
        {
            listed.Add(new ImportError(at, reason));
        }
    }

    /// <summary>Adds when the check failed; the reason is built only then.</summary>
    public void Check(bool ok, string at, Func<string> reason)
    {
        if (!ok)
        {
            Add(at, reason());
        }
    }

    public ImportSummary AsSummary() => new() { Errors = listed, ErrorCount = Count };
}
