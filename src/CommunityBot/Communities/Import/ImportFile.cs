namespace CommunityBot.Communities.Import;

/// <summary>
/// One admin import: schools, communities, people and memberships. <c>At</c> says where a row came from
/// ("line 7" in CSV, "$.people[2]" in JSON), so every error can point at it.
/// </summary>
public sealed record ImportFile(
    IReadOnlyList<ImportSchool> Schools,
    IReadOnlyList<ImportCommunity> Communities,
    IReadOnlyList<ImportPerson> People,
    IReadOnlyList<ImportMembership> Memberships)
{
    /// <summary>Intervision groups (<c>intervision</c> rows) and their coaches (<c>intervision-member</c> rows), stored after the rest.</summary>
    public IReadOnlyList<Intervision.ImportIntervisionGroup> IntervisionGroups { get; init; } = [];
    public IReadOnlyList<Intervision.ImportIntervisionMember> IntervisionMembers { get; init; } = [];

    public int RowCount => Schools.Count + Communities.Count + People.Count + Memberships.Count + IntervisionGroups.Count + IntervisionMembers.Count;
}

public sealed record ImportSchool(string At, string? Name);

/// <summary>
/// <c>Cadence</c> "weeks" or "school-year", <c>CadenceCount</c> its number, <c>SessionHours</c> the planned length,
/// <c>CheckInWeeks</c> a check-in round every that many weeks instead of after each session: all optional.
/// </summary>
public sealed record ImportCommunity(string At, string? Name, string? Theme, string? Goals, string? Phase, string? TimeZone, string? Language)
{
    public string? Cadence { get; init; }
    public string? CadenceCount { get; init; }
    public string? SessionHours { get; init; }
    public string? CheckInWeeks { get; init; }
}

/// <summary>A person by e-mail/UPN and/or Entra object id.</summary>
public sealed record ImportPerson(string At, string? Email, string? AadObjectId, string? DisplayName, string? School, string? Language, bool? Admin);

/// <summary><c>Person</c> is the e-mail/UPN or Entra object id of a person in the file or already known.</summary>
public sealed record ImportMembership(string At, string? Person, string? Community, string? Role);

public sealed record ImportError(string At, string Reason);

/// <summary>What an import did (or, with errors, why it did nothing: the first errors and how many there were).</summary>
public sealed record ImportSummary
{
    public int SchoolsCreated { get; init; }
    public int CommunitiesCreated { get; init; }
    public int CommunitiesUpdated { get; init; }
    public int PeopleCreated { get; init; }
    public int PeopleUpdated { get; init; }
    public int MembershipsCreated { get; init; }
    public int MembershipsUpdated { get; init; }
    public int IntervisionGroupsCreated { get; init; }
    public int IntervisionGroupsUpdated { get; init; }
    public int IntervisionMembersCreated { get; init; }
    public IReadOnlyList<ImportError> Errors { get; init; } = [];
    public int ErrorCount { get; init; }
}

/// <summary>
/// <c>GET /admin/import/{id}</c>: <c>Status</c> queued, running, done or failed; <c>RowsWritten</c> of <c>Rows</c>; the
/// counts so far; on failure one error saying why.
/// </summary>
public sealed record ImportStatus(Guid Id, string Status, int Rows, int RowsWritten, ImportSummary Summary);
