using System.Globalization;
using System.Text.Json;
using CommunityBot.Intervision;

namespace CommunityBot.Communities.Import;

/// <summary>Reads an import from JSON (an object of arrays); <see cref="CsvImportReader"/> reads the CSV form.</summary>
public static class ImportReader
{
    /// <summary>The file, or null with the reason: invalid JSON, a wrong shape or type, or more rows than allowed.</summary>
    public static ImportFile? FromJson(string json, int maxRows, ImportErrors errors)
    {
        var (file, problems) = FromJson(json);
        foreach (var problem in problems)
        {
            errors.Add(problem.At, problem.Reason);
        }
        if (file is not null && file.RowCount > maxRows)
        {
            errors.Add("$", $"more than {maxRows:N0} rows: split the file");
            return null;
        }
        return file;
    }

    private static (ImportFile? File, IReadOnlyList<ImportError> Errors) FromJson(string json)
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
                return (null, [new ImportError(ImportText.Excerpt(ex.Path ?? "$", 80), "wrong type: an array of objects whose fields are text, cadenceCount, sessionHours, checkInEveryWeeks, cadenceWeeks and durationMinutes numbers, and admin true or false")]);
            }
        }
        catch (JsonException ex)
        {
            return (null, [new ImportError(ImportText.Excerpt(ex.Path ?? "$", 80), $"not valid JSON ({ex.LineNumber + 1}:{ex.BytePositionInLine + 1})")]);
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

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { AllowTrailingCommas = true, ReadCommentHandling = JsonCommentHandling.Skip };

    private sealed record ImportJson(
        List<SchoolJson?>? Schools, List<CommunityJson?>? Communities, List<PersonJson?>? People, List<MembershipJson?>? Memberships,
        List<IntervisionGroupJson?>? IntervisionGroups, List<IntervisionMemberJson?>? IntervisionMembers);
    private sealed record SchoolJson(string? Name);
    /// <summary>The numbers may be written as JSON numbers or as text; the importer checks their range.</summary>
    private sealed record CommunityJson(string? Name, string? Theme, string? Goals, string? Phase, string? TimeZone, string? Language, string? Cadence, int? CadenceCount, decimal? SessionHours, int? CheckInEveryWeeks);
    private sealed record PersonJson(string? Email, string? AadObjectId, string? DisplayName, string? School, string? Language, bool? Admin);

    private sealed record MembershipJson(string? Person, string? Community, string? Role);
    private sealed record IntervisionGroupJson(string? Name, string? CoachTheCoach, int? CadenceWeeks, int? DurationMinutes, string? WorkingDays, string? WorkingHours, string? TimeZone, string? Language);
    private sealed record IntervisionMemberJson(string? Group, string? Person);
}
