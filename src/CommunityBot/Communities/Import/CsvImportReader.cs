using CommunityBot.Intervision;
using nietras.SeparatedValues;

namespace CommunityBot.Communities.Import;

/// <summary>
/// Reads the CSV form (one table, a <c>type</c> column per row) with Sep, strictly: a quote that does not close, a quote
/// inside an unquoted field, a row with another number of fields than the header, or more rows than allowed are named
/// by their line. Sep splits; the quoting rules are checked here on the raw fields, so a broken quote cannot swallow the
/// rest of the file into one value.
/// </summary>
public static class CsvImportReader
{
    public static readonly string[] Columns =
        ["type", "name", "email", "aad_object_id", "school", "community", "role", "theme", "goals", "phase", "time_zone", "language", "admin",
         "cadence", "cadence_count", "session_hours", "checkin_weeks", "intervision", "duration_minutes", "working_days", "working_hours"];

    /// <returns>The file (null when it cannot be read on) and what was wrong.</returns>
    public static ImportFile? Read(string text, int maxRows, ImportErrors errors)
    {
        using var reader = Sep.New(',').Reader(o => o with { HasHeader = true, Unescape = false, DisableColCountCheck = true }).FromText(text);
        if (reader.Header.IsEmpty)
        {
            errors.Add("line 1", "empty file: expected a header row");
            return null;
        }
        var header = new List<string>();
        foreach (var raw in reader.Header.ColNames)
        {
            if (Unquote(raw) is not { } name)
            {
                errors.Add("line 1", "the header has a quote that does not close");
                return null;
            }
            header.Add(name.Trim().ToLowerInvariant());
        }
        var unknown = header.Where(h => !Columns.Contains(h)).ToList();
        if (!header.Contains("type") || unknown.Count > 0 || header.Distinct().Count() != header.Count)
        {
            errors.Add("line 1", $"the header must name each of its columns once, from: {string.Join(", ", Columns)} (unknown: {ImportText.Excerpt(string.Join(", ", unknown))})");
            return null;
        }
        var table = new Table(header, maxRows, errors);
        var nextLine = 2;
        try
        {
            foreach (var row in reader)
            {
                if (!table.Add(row))
                {
                    return null;
                }
                nextLine = row.LineNumberToExcl;
            }
        }
        catch (NotSupportedException)
        {
            // Sep refuses a row longer than 16 MB (16,777,216 characters): a broken quote, or a value no column allows.
            errors.Add($"line {nextLine}", "a row longer than 16 MB: a quote that does not close, or a value far longer than any column allows");
            return null;
        }
        return table.Rows.ToFile();
    }

    /// <summary>The rows read so far under one header.</summary>
    private sealed class Table(List<string> header, int maxRows, ImportErrors errors)
    {
        private readonly Dictionary<string, int> index = Columns.ToDictionary(c => c, c => header.IndexOf(c));
        private readonly string?[] fields = new string?[header.Count];
        private int count;

        public Rows Rows { get; } = new();

        /// <returns>False when the file cannot be read on.</returns>
        public bool Add(SepReader.Row row)
        {
            var at = $"line {row.LineNumberFrom}";
            if (row.ColCount == 1 && row[0].Span.IsWhiteSpace())
            {
                return true;
            }
            for (var i = 0; i < Math.Min(row.ColCount, header.Count); i++)
            {
                fields[i] = Unquote(row[i].Span);
                if (fields[i] is null)
                {
                    // Everything after a broken quote is read differently by every program: stop here.
                    errors.Add(at, $"column '{header[i]}': a quote that does not close, or a quote inside a field that does not start with one (write \"\" for a quote in a quoted field)");
                    return false;
                }
            }
            if (row.ColCount != header.Count)
            {
                errors.Add(at, $"{row.ColCount} fields where the header has {header.Count}");
                return true;
            }
            if (fields.All(string.IsNullOrWhiteSpace))
            {
                return true;
            }
            if (++count > maxRows)
            {
                errors.Add(at, $"more than {maxRows:N0} rows: split the file");
                return false;
            }
            Rows.Add(at, column => index[column] is var i and >= 0 && !string.IsNullOrWhiteSpace(fields[i]) ? fields[i]!.Trim() : null, errors);
            return true;
        }
    }

    /// <summary>A field as written: bare (no quote in it), or in quotes with every inner quote doubled; null otherwise.</summary>
    private static string? Unquote(ReadOnlySpan<char> raw)
    {
        if (raw.IndexOf('"') < 0)
        {
            return raw.ToString();
        }
        if (raw.Length < 2 || raw[0] != '"' || raw[^1] != '"')
        {
            return null;
        }
        var inner = raw[1..^1];
        var text = new System.Text.StringBuilder(inner.Length);
        for (var i = 0; i < inner.Length; i++)
        {
            if (inner[i] == '"')
            {
                if (i + 1 >= inner.Length || inner[i + 1] != '"')
                {
                    return null;
                }
                i++;
            }
            text.Append(inner[i]);
        }
        return text.ToString();
    }

    private static string? Unquote(string raw) => Unquote(raw.AsSpan());

    /// <summary>The rows of each type, in file order.</summary>
    private sealed class Rows
    {
        private readonly List<ImportSchool> schools = [];
        private readonly List<ImportCommunity> communities = [];
        private readonly List<ImportPerson> people = [];
        private readonly List<ImportMembership> memberships = [];
        private readonly List<ImportIntervisionGroup> groups = [];
        private readonly List<ImportIntervisionMember> members = [];

        public void Add(string at, Func<string, string?> get, ImportErrors errors)
        {
            switch (get("type")?.ToLowerInvariant())
            {
                case "school":
                    schools.Add(new ImportSchool(at, get("name")));
                    break;
                case "community":
                    communities.Add(new ImportCommunity(at, get("name"), get("theme"), get("goals"), get("phase"), get("time_zone"), get("language"))
                    {
                        Cadence = get("cadence"),
                        CadenceCount = get("cadence_count"),
                        SessionHours = get("session_hours"),
                        CheckInWeeks = get("checkin_weeks"),
                    });
                    break;
                case "person":
                    people.Add(new ImportPerson(at, get("email"), get("aad_object_id"), get("name"), get("school"), get("language"), AdminOf(get("admin"))));
                    break;
                case "membership":
                    memberships.Add(new ImportMembership(at, get("email") ?? get("aad_object_id"), get("community"), get("role")));
                    break;
                case "intervision":
                    groups.Add(new ImportIntervisionGroup(at, get("name"), get("email") ?? get("aad_object_id"))
                    {
                        CadenceWeeks = get("cadence_count"),
                        DurationMinutes = get("duration_minutes"),
                        WorkingDays = get("working_days"),
                        WorkingHours = get("working_hours"),
                        TimeZone = get("time_zone"),
                        Language = get("language"),
                    });
                    break;
                case "intervision-member":
                    members.Add(new ImportIntervisionMember(at, get("intervision"), get("email") ?? get("aad_object_id")));
                    break;
                default:
                    errors.Add(at, $"unknown type '{ImportText.Excerpt(get("type"))}' (school, community, person, membership, intervision or intervision-member)");
                    break;
            }
        }

        public ImportFile ToFile() => new(schools, communities, people, memberships) { IntervisionGroups = groups, IntervisionMembers = members };
    }

    /// <summary>yes/ja/true/1 makes a tenant admin, any other value takes it away, an empty cell leaves it as it is.</summary>
    private static bool? AdminOf(string? cell) => cell is null ? null : cell.ToLowerInvariant() is "true" or "yes" or "ja" or "1";
}
