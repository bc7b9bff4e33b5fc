using System.Globalization;
using System.Net.Mail;
using CommunityBot.Communities.Cadence;
using CommunityBot.Localization;
using CommunityBot.People;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Communities.Import;

/// <summary>
/// Validates a whole import first and reports every bad row; only a file without errors is stored, in one
/// transaction. Re-importing the same file changes nothing (rows are matched by name, e-mail or Entra object id).
/// </summary>
public sealed class CommunityImporter(
    AppDbContext db, PersonMatcher matcher, IEnumerable<ICadenceListener> cadenceListeners,
    IEnumerable<ICheckInRhythmListener> rhythmListeners, Intervision.IntervisionImport intervision, TimeProvider clock, ILogger<CommunityImporter> logger)
{
    /// <param name="readErrors">Rows the reader could not classify; they fail the import like any other bad row.</param>
    public async Task<ImportSummary> ImportAsync(string tenantId, ImportFile file, IReadOnlyList<ImportError> readErrors, CancellationToken cancellationToken)
    {
        List<ImportError> errors = [.. readErrors, .. await ValidateAsync(tenantId, file, cancellationToken)];
        CommunitiesLog.Imported(logger, tenantId, file.RowCount, errors.Count);
        if (errors.Count > 0)
        {
            return new ImportSummary { Errors = errors };
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        List<Community> cadenceChanged = [];
        List<Community> rhythmChanged = [];
        var summary = await ApplyAsync(tenantId, file, cadenceChanged, rhythmChanged, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        summary = await intervision.ApplyAsync(tenantId, file, summary, cancellationToken);
        foreach (var community in rhythmChanged)
        {
            foreach (var listener in rhythmListeners)
            {
                await listener.CheckInRhythmChangedAsync(community.Id, cancellationToken);
            }
        }
        foreach (var community in cadenceChanged)
        {
            foreach (var listener in cadenceListeners)
            {
                await listener.CadenceChangedAsync(community.Id, cancellationToken);
            }
        }
        await transaction.CommitAsync(cancellationToken);
        return summary;
    }

    private async Task<List<ImportError>> ValidateAsync(string tenantId, ImportFile file, CancellationToken cancellationToken)
    {
        var errors = new List<ImportError>();
        void Check(bool ok, string at, string reason)
        {
            if (!ok)
            {
                errors.Add(new ImportError(at, reason));
            }
        }
        var knownSchools = (await db.Schools.Where(s => s.TenantId == tenantId).Select(s => s.Name).ToListAsync(cancellationToken)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var knownKinds = (await db.Communities.Where(c => c.TenantId == tenantId).Select(c => new { c.Name, c.CadenceKind }).ToListAsync(cancellationToken))
            .ToDictionary(c => c.Name, c => c.CadenceKind, StringComparer.OrdinalIgnoreCase);
        var knownCommunities = knownKinds.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase);

        var schools = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var school in file.Schools)
        {
            Check(Text(school.Name, 200), school.At, "school name missing or longer than 200 characters");
            Check(school.Name is null || schools.Add(school.Name), school.At, $"duplicate school '{school.Name}'");
        }
        var communities = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var community in file.Communities)
        {
            Check(Text(community.Name, 200), community.At, "community name missing or longer than 200 characters");
            Check(community.Name is null || communities.Add(community.Name), community.At, $"duplicate community '{community.Name}'");
            Check(community.Theme is null || community.Theme.Length <= 500, community.At, "theme longer than 500 characters");
            Check(community.Goals is null || community.Goals.Length <= 2000, community.At, "goals longer than 2000 characters");
            Check(community.Phase is null || ParsePhase(community.Phase) is not null, community.At, $"unknown phase '{community.Phase}' (1-5 or {string.Join(", ", Enum.GetNames<CommunityPhase>())})");
            Check(community.TimeZone is null || TimeZoneInfo.TryFindSystemTimeZoneById(community.TimeZone, out _), community.At, $"invalid time zone '{community.TimeZone}' (an IANA name such as Europe/Brussels)");
            Check(community.Language is null || Languages.TryParse(community.Language, out _), community.At, $"unknown language '{community.Language}' (nl or en)");
            foreach (var error in CadenceErrors(community, community.Name is not null && knownKinds.TryGetValue(community.Name, out var current) ? current : null))
            {
                errors.Add(new ImportError(community.At, error));
            }
            Check(community.CheckInWeeks is null || ParseCheckInWeeks(community.CheckInWeeks) is not null, community.At,
                $"checkin_weeks '{community.CheckInWeeks}' must be a whole number of weeks from {Community.MinCheckInEveryWeeks} to {Community.MaxCheckInEveryWeeks}");
        }
        var people = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var person in file.People)
        {
            Check(person.Email is not null || person.AadObjectId is not null, person.At, "a person needs an e-mail/UPN or an Entra object id");
            Check(person.Email is null || IsEmail(person.Email), person.At, $"invalid e-mail '{person.Email}'");
            Check(person.AadObjectId is null || Guid.TryParse(person.AadObjectId, out _), person.At, $"invalid Entra object id '{person.AadObjectId}' (a GUID)");
            Check(person.DisplayName is null || person.DisplayName.Length <= 256, person.At, "display name longer than 256 characters");
            Check(person.School is null || schools.Contains(person.School) || knownSchools.Contains(person.School), person.At, $"unknown school '{person.School}'");
            Check(person.Language is null || Languages.TryParse(person.Language, out _), person.At, $"unknown language '{person.Language}' (nl or en)");
            foreach (var key in new[] { person.Email, person.AadObjectId }.OfType<string>())
            {
                Check(people.Add(key), person.At, $"duplicate person '{key}'");
            }
        }
        var memberships = new HashSet<(string, string)>();
        foreach (var membership in file.Memberships)
        {
            Check(membership.Person is not null, membership.At, "membership without a person (e-mail/UPN or Entra object id)");
            Check(membership.Community is not null, membership.At, "membership without a community");
            Check(membership.Role is not null && ParseRole(membership.Role) is not null, membership.At, $"unknown role '{membership.Role}' (member, coach, coach-the-coach, leader)");
            if (membership.Community is not null)
            {
                Check(communities.Contains(membership.Community) || knownCommunities.Contains(membership.Community), membership.At, $"unknown community '{membership.Community}'");
            }
            if (membership.Person is not null)
            {
                Check(people.Contains(membership.Person) || await FindPersonAsync(tenantId, membership.Person, cancellationToken) is not null,
                    membership.At, $"unknown person '{membership.Person}'");
            }
            if (membership is { Person: { } p, Community: { } c })
            {
                Check(memberships.Add((p.ToLowerInvariant(), c.ToLowerInvariant())), membership.At, $"duplicate membership of '{p}' in '{c}'");
            }
        }
        errors.AddRange(await intervision.ValidateAsync(tenantId, file, people, cancellationToken));
        return errors;
    }

    /// <param name="cadenceChanged">Filled with the communities whose norm the file changed, for the plan nudge's deadline.</param>
    /// <param name="rhythmChanged">Filled with the communities whose check-in rhythm the file changed, for their next round.</param>
    private async Task<ImportSummary> ApplyAsync(
        string tenantId, ImportFile file, List<Community> cadenceChanged, List<Community> rhythmChanged, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var summary = new ImportSummary();
        var schools = await db.Schools.Where(s => s.TenantId == tenantId).ToListAsync(cancellationToken);
        foreach (var row in file.Schools.Where(r => !schools.Any(s => Same(s.Name, r.Name))))
        {
            var school = new School { TenantId = tenantId, Name = row.Name! };
            db.Schools.Add(school);
            schools.Add(school);
            summary = summary with { SchoolsCreated = summary.SchoolsCreated + 1 };
        }
        await db.SaveChangesAsync(cancellationToken);

        var communities = await db.Communities.Where(c => c.TenantId == tenantId).ToListAsync(cancellationToken);
        foreach (var row in file.Communities)
        {
            var community = communities.FirstOrDefault(c => Same(c.Name, row.Name));
            if (community is null)
            {
                // Insert-or-get: a team install at this moment may create a community of the same name.
                var created = await db.InsertOrIgnoreAsync(new Community { TenantId = tenantId, Name = row.Name!, CreatedAt = now }, cancellationToken);
                community = await db.Communities.SingleAsync(c => c.TenantId == tenantId && c.Name == row.Name, cancellationToken);
                communities.Add(community);
                summary = created
                    ? summary with { CommunitiesCreated = summary.CommunitiesCreated + 1 }
                    : summary with { CommunitiesUpdated = summary.CommunitiesUpdated + 1 };
            }
            else
            {
                summary = summary with { CommunitiesUpdated = summary.CommunitiesUpdated + 1 };
            }
            community.Theme = row.Theme ?? community.Theme;
            community.Goals = row.Goals ?? community.Goals;
            community.Phase = row.Phase is null ? community.Phase : ParsePhase(row.Phase)!.Value;
            community.TimeZone = row.TimeZone ?? community.TimeZone;
            community.Language = row.Language is not null && Languages.TryParse(row.Language, out var language) ? language : community.Language;
            if (ApplyCadence(row, community))
            {
                cadenceChanged.Add(community);
            }
            if (row.CheckInWeeks is not null && ParseCheckInWeeks(row.CheckInWeeks) is var weeks && weeks != community.CheckInEveryWeeks)
            {
                community.CheckInEveryWeeks = weeks;
                rhythmChanged.Add(community);
            }
        }

        foreach (var row in file.People)
        {
            var email = PersonKeys.NormalizeEmail(row.Email);
            var keys = new PersonKeys(row.AadObjectId, email, null);
            var person = await matcher.FindAsync(tenantId, keys, cancellationToken);
            if (person is null)
            {
                // Insert-or-get: the same person's first contact at this moment may store them too.
                person = await matcher.FindOrAddAsync(tenantId, keys, row.DisplayName, Language.Dutch, cancellationToken);
                summary = summary with { PeopleCreated = summary.PeopleCreated + 1 };
            }
            else
            {
                summary = summary with { PeopleUpdated = summary.PeopleUpdated + 1 };
            }
            person.Email = email ?? person.Email;
            person.AadObjectId = row.AadObjectId ?? person.AadObjectId;
            person.DisplayName = row.DisplayName ?? person.DisplayName;
            person.SchoolId = row.School is null ? person.SchoolId : schools.First(s => Same(s.Name, row.School)).Id;
            person.IsTenantAdmin = row.Admin ?? person.IsTenantAdmin;
            if (row.Language is not null && Languages.TryParse(row.Language, out var language))
            {
                person.Language = language;
            }
        }
        await db.SaveChangesAsync(cancellationToken);

        foreach (var row in file.Memberships)
        {
            var person = (await FindPersonAsync(tenantId, row.Person!, cancellationToken))!;
            var community = communities.First(c => Same(c.Name, row.Community));
            var role = ParseRole(row.Role!)!.Value;
            // Insert-or-get: the person may join the community's team at this moment.
            if (await db.InsertOrIgnoreAsync(new Membership { CommunityId = community.Id, PersonId = person.Id, Role = role, JoinedAt = now }, cancellationToken))
            {
                summary = summary with { MembershipsCreated = summary.MembershipsCreated + 1 };
            }
            else
            {
                var membership = await db.Memberships.SingleAsync(m => m.CommunityId == community.Id && m.PersonId == person.Id, cancellationToken);
                membership.Role = role;
                membership.LeftAt = null;
                summary = summary with { MembershipsUpdated = summary.MembershipsUpdated + 1 };
            }
        }
        return summary;
    }

    /// <summary>A membership names its person by Entra object id or e-mail/UPN; tracked rows first, so earlier rows of the file count.</summary>
    private Task<Person?> FindPersonAsync(string tenantId, string key, CancellationToken cancellationToken) =>
        matcher.FindAsync(tenantId, PersonKeys.OfImportKey(key), cancellationToken);

    internal static CommunityRole? ParseRole(string role) => role.Trim().ToLowerInvariant() switch
    {
        "member" or "lid" or "teacher" or "leraar" => CommunityRole.Member,
        "coach" or "procescoach" => CommunityRole.Coach,
        "coach-the-coach" or "coachthecoach" or "ctc" => CommunityRole.CoachTheCoach,
        "leader" or "schoolleider" or "directeur" => CommunityRole.Leader,
        _ => null,
    };

    internal static CommunityPhase? ParsePhase(string phase) =>
        int.TryParse(phase, out var number) ? (number is >= 1 and <= 5 ? (CommunityPhase)number : null)
        : Enum.TryParse<CommunityPhase>(phase.Replace("-", "").Replace(" ", ""), ignoreCase: true, out var named) && Enum.IsDefined(named) ? named : null;

    /// <summary>
    /// What is wrong with a row's rhythm and session length. A count without a kind is read against the community's
    /// current kind (every N weeks for a new one), so "cadence_count 4" alone changes the number of weeks.
    /// </summary>
    private static IEnumerable<string> CadenceErrors(ImportCommunity row, CadenceKind? current)
    {
        var kind = CadenceNorm.ParseKind(row.Cadence);
        if (row.Cadence is not null && kind is null)
        {
            yield return $"unknown cadence '{row.Cadence}' (weeks or school-year)";
        }
        else if (row.CadenceCount is not null)
        {
            var effective = kind ?? current ?? CadenceKind.EveryNWeeks;
            var (min, max) = CadenceNorm.CountRange(effective);
            if (!int.TryParse(row.CadenceCount, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || !CadenceNorm.IsValidCount(effective, count))
            {
                yield return effective == CadenceKind.EveryNWeeks
                    ? $"cadence_count '{row.CadenceCount}' must be a whole number of weeks from {min} to {max}"
                    : $"cadence_count '{row.CadenceCount}' must be a whole number of sessions per school year from {min} to {max}";
            }
        }
        if (row.SessionHours is not null && (CadenceNorm.ParseHours(row.SessionHours) is not { } hours || !CadenceNorm.IsValidDuration(hours)))
        {
            yield return $"session_hours '{row.SessionHours}' must be from 1 to 4 hours in quarter hours (e.g. 2.5)";
        }
    }

    /// <summary>Sets what the row gives; a new kind without a count takes that kind's default. True when the norm changed.</summary>
    private static bool ApplyCadence(ImportCommunity row, Community community)
    {
        var (kind, count) = (community.CadenceKind, community.CadenceCount);
        if (CadenceNorm.ParseKind(row.Cadence) is { } newKind && newKind != kind)
        {
            (community.CadenceKind, community.CadenceCount) = (newKind, CadenceNorm.DefaultCount(newKind));
        }
        if (row.CadenceCount is not null)
        {
            community.CadenceCount = int.Parse(row.CadenceCount, CultureInfo.InvariantCulture);
        }
        if (row.SessionHours is not null)
        {
            community.SessionDuration = CadenceNorm.ParseHours(row.SessionHours)!.Value;
        }
        return (kind, count) != (community.CadenceKind, community.CadenceCount);
    }

    private static int? ParseCheckInWeeks(string weeks) =>
        int.TryParse(weeks, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
        && number is >= Community.MinCheckInEveryWeeks and <= Community.MaxCheckInEveryWeeks ? number : null;

    private static bool Text(string? value, int max) => !string.IsNullOrWhiteSpace(value) && value.Length <= max;

    private static bool IsEmail(string value) =>
        MailAddress.TryCreate(value, out var address) && address.Address == value && address.Host.Contains('.', StringComparison.Ordinal);

    private static bool Same(string a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
