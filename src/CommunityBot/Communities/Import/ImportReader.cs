using System.Globalization;
using System.Text;
using System.Text.Json;
using CommunityBot.Intervision;

namespace CommunityBot.Communities.Import;

/// <summary>Reads an import from CSV (one table, a <c>type</c> column per row) or JSON (four arrays).</summary>
public static class ImportReader
{
    public static readonly string[] CsvColumns =
        ["type", "name", "email", "aad_object_id", "school", "community", "role", "theme", "goals", "phase", "time_zone", "language", "admin",
         "cadence", "cadence_count", "session_hours", "checkin_weeks", "intervision", "duration_minutes", "working_days", "working_hours"];

    public static (ImportFile? File, IReadOnlyList<ImportError> Errors) FromJson(string json)
    {
        ImportJson? document;
        try
        {
            using var parsed = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            if (parsed.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, [new ImportError("$", "not an object: expected {\"schools\": [], \"communities\": [], \"people\": [], \"memberships\": []}")]);
            }
            try
            {
                document = parsed.Deserialize<ImportJson>(JsonOptions);
            }
            catch (JsonException ex)
            {
                return (null, [new ImportError(ex.Path ?? "$", "wrong type: an array of objects whose fields are text, cadenceCount, sessionHours, checkInEveryWeeks, cadenceWeeks and durationMinutes numbers, and admin true or false")]);
            }
        }
        catch (JsonException ex)
        {
            return (null, [new ImportError(ex.Path ?? "$", $"not valid JSON ({ex.LineNumber + 1}:{ex.BytePositionInLine + 1})")]);
        }
        if (document is null)
        {
            return (null, [new ImportError("$", "empty document")]);
        }
        // A null element is a row of nothing; say where it is instead of failing the whole request.
        List<ImportError> errors =
        [
            .. NullElements("schools", document.Schools),
            .. NullElements("communities", document.Communities),
            .. NullElements("people", document.People),
            .. NullElements("memberships", document.Memberships),
            .. NullElements("intervisionGroups", document.IntervisionGroups),
            .. NullElements("intervisionMembers", document.IntervisionMembers),
        ];
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        return (new ImportFile(
            [.. (document.Schools ?? []).Select((s, i) => new ImportSchool($"$.schools[{i}]", s!.Name))],
            [.. (document.Communities ?? []).Select((c, i) => new ImportCommunity($"$.communities[{i}]", c!.Name, c.Theme, c.Goals, c.Phase, c.TimeZone, c.Language)
            {
                Cadence = c.Cadence,
                CadenceCount = c.CadenceCount?.ToString(CultureInfo.InvariantCulture),
                SessionHours = c.SessionHours?.ToString(CultureInfo.InvariantCulture),
                CheckInWeeks = c.CheckInEveryWeeks?.ToString(CultureInfo.InvariantCulture),
            })],
            [.. (document.People ?? []).Select((p, i) => new ImportPerson($"$.people[{i}]", p!.Email, p.AadObjectId, p.DisplayName, p.School, p.Language, p.Admin))],
            [.. (document.Memberships ?? []).Select((m, i) => new ImportMembership($"$.memberships[{i}]", m!.Person, m.Community, m.Role))])
        {
            IntervisionGroups = [.. (document.IntervisionGroups ?? []).Select((g, i) => new ImportIntervisionGroup($"$.intervisionGroups[{i}]", g!.Name, g.CoachTheCoach)
            {
                CadenceWeeks = g.CadenceWeeks?.ToString(CultureInfo.InvariantCulture),
                DurationMinutes = g.DurationMinutes?.ToString(CultureInfo.InvariantCulture),
                WorkingDays = g.WorkingDays,
                WorkingHours = g.WorkingHours,
                TimeZone = g.TimeZone,
                Language = g.Language,
            })],
            IntervisionMembers = [.. (document.IntervisionMembers ?? []).Select((m, i) => new ImportIntervisionMember($"$.intervisionMembers[{i}]", m!.Group, m.Person))],
        }, []);
    }

    private static IEnumerable<ImportError> NullElements<T>(string array, List<T?>? rows) where T : class =>
        (rows ?? []).Select((row, i) => (row, i)).Where(r => r.row is null).Select(r => new ImportError($"$.{array}[{r.i}]", "not an object"));

    public static (ImportFile? File, IReadOnlyList<ImportError> Errors) FromCsv(string csv)
    {
        var rows = ParseCsv(csv);
        if (rows.Count == 0)
        {
            return (null, [new ImportError("line 1", "empty file: expected a header row")]);
        }
        var header = rows[0].Fields.Select(f => f.Trim().ToLowerInvariant()).ToList();
        var unknown = header.Where(h => !CsvColumns.Contains(h)).ToList();
        if (!header.Contains("type") || unknown.Count > 0)
        {
            return (null, [new ImportError("line 1", $"the header must name columns of: {string.Join(", ", CsvColumns)} (unknown: {string.Join(", ", unknown)})")]);
        }
        var schools = new List<ImportSchool>();
        var communities = new List<ImportCommunity>();
        var people = new List<ImportPerson>();
        var memberships = new List<ImportMembership>();
        var intervisionGroups = new List<ImportIntervisionGroup>();
        var intervisionMembers = new List<ImportIntervisionMember>();
        var errors = new List<ImportError>();
        foreach (var (line, fields) in rows.Skip(1))
        {
            if (fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            var at = $"line {line}";
            if (fields.Count > header.Count)
            {
                errors.Add(new ImportError(at, $"{fields.Count} fields where the header has {header.Count}"));
                continue;
            }
            string? Get(string column) => header.IndexOf(column) is var i and >= 0 && i < fields.Count && !string.IsNullOrWhiteSpace(fields[i]) ? fields[i].Trim() : null;
            switch (Get("type")?.ToLowerInvariant())
            {
                case "school":
                    schools.Add(new ImportSchool(at, Get("name")));
                    break;
                case "community":
                    communities.Add(new ImportCommunity(at, Get("name"), Get("theme"), Get("goals"), Get("phase"), Get("time_zone"), Get("language"))
                    {
                        Cadence = Get("cadence"),
                        CadenceCount = Get("cadence_count"),
                        SessionHours = Get("session_hours"),
                        CheckInWeeks = Get("checkin_weeks"),
                    });
                    break;
                case "person":
                    people.Add(new ImportPerson(at, Get("email"), Get("aad_object_id"), Get("name"), Get("school"), Get("language"),
                        AdminOf(Get("admin"))));
                    break;
                case "membership":
                    memberships.Add(new ImportMembership(at, Get("email") ?? Get("aad_object_id"), Get("community"), Get("role")));
                    break;
                case "intervision":
                    intervisionGroups.Add(new ImportIntervisionGroup(at, Get("name"), Get("email") ?? Get("aad_object_id"))
                    {
                        CadenceWeeks = Get("cadence_count"),
                        DurationMinutes = Get("duration_minutes"),
                        WorkingDays = Get("working_days"),
                        WorkingHours = Get("working_hours"),
                        TimeZone = Get("time_zone"),
                        Language = Get("language"),
                    });
                    break;
                case "intervision-member":
                    intervisionMembers.Add(new ImportIntervisionMember(at, Get("intervision"), Get("email") ?? Get("aad_object_id")));
                    break;
                default:
                    errors.Add(new ImportError(at, $"unknown type '{Get("type")}' (school, community, person, membership, intervision or intervision-member)"));
                    break;
            }
        }
        return (new ImportFile(schools, communities, people, memberships) { IntervisionGroups = intervisionGroups, IntervisionMembers = intervisionMembers }, errors);
    }

    /// <summary>RFC 4180: commas, double quotes around fields with commas, quotes or line breaks. Returns each record's first line.</summary>
    private static List<(int Line, List<string> Fields)> ParseCsv(string text)
    {
        var records = new List<(int, List<string>)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var (line, recordLine, quoted) = (1, 1, false);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') { quoted = false; }
                else { if (c == '\n') { line++; } field.Append(c); }
                continue;
            }
            switch (c)
            {
                case '"': quoted = true; break;
                case ',': fields.Add(field.ToString()); field.Clear(); break;
                case '\r': break;
                case '\n':
                    fields.Add(field.ToString()); field.Clear();
                    records.Add((recordLine, fields)); fields = [];
                    line++; recordLine = line;
                    break;
                default: field.Append(c); break;
            }
        }
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add((recordLine, fields));
        }
        return records;
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { AllowTrailingCommas = true, ReadCommentHandling = JsonCommentHandling.Skip };

    private sealed record ImportJson(
        List<SchoolJson?>? Schools, List<CommunityJson?>? Communities, List<PersonJson?>? People, List<MembershipJson?>? Memberships,
        List<IntervisionGroupJson?>? IntervisionGroups, List<IntervisionMemberJson?>? IntervisionMembers);
    private sealed record SchoolJson(string? Name);
    /// <summary>The numbers may be written as JSON numbers or as text; the importer checks their range.</summary>
    private sealed record CommunityJson(string? Name, string? Theme, string? Goals, string? Phase, string? TimeZone, string? Language, string? Cadence, int? CadenceCount, decimal? SessionHours, int? CheckInEveryWeeks);
    private sealed record PersonJson(string? Email, string? AadObjectId, string? DisplayName, string? School, string? Language, bool? Admin);

    /// <summary>yes/ja/true/1 makes a tenant admin, any other value takes it away, an empty cell leaves it as it is.</summary>
    private static bool? AdminOf(string? cell) =>
        string.IsNullOrWhiteSpace(cell) ? null : cell.Trim().ToLowerInvariant() is "true" or "yes" or "ja" or "1";
    private sealed record MembershipJson(string? Person, string? Community, string? Role);
    private sealed record IntervisionGroupJson(string? Name, string? CoachTheCoach, int? CadenceWeeks, int? DurationMinutes, string? WorkingDays, string? WorkingHours, string? TimeZone, string? Language);
    private sealed record IntervisionMemberJson(string? Group, string? Person);
}
