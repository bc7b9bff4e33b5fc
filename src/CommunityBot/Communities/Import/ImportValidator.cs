using System.Net.Mail;
using CommunityBot.Intervision;
using CommunityBot.Localization;
using CommunityBot.Teams.Schema;
using static CommunityBot.Communities.Import.ImportText;
using CommunityBot.Limits;

namespace CommunityBot.Communities.Import;

/// <summary>
/// Every rule a row must meet, checked against the file and the tenant's <see cref="ImportIndex"/> in one pass: no query
/// per row. Values are quoted as excerpts only.
/// </summary>
public static class ImportValidator
{
    public const int EmailLength = 256;

    public static void Validate(ImportFile file, ImportIndex index, ImportErrors errors)
    {
        var schools = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var school in file.Schools)
        {
            CheckName(school.Name, School.NameLength, "school name", school.At, errors);
            errors.Check(school.Name is null || schools.Add(school.Name), school.At, () => $"duplicate school '{Excerpt(school.Name)}'");
        }
        var communities = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var community in file.Communities)
        {
            ValidateCommunity(community, index, errors);
            errors.Check(community.Name is null || communities.Add(community.Name), community.At, () => $"duplicate community '{Excerpt(community.Name)}'");
        }
        var people = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var person in file.People)
        {
            ValidatePerson(person, schools, index, errors);
            foreach (var key in new[] { person.Email, person.AadObjectId }.OfType<string>())
            {
                errors.Check(people.Add(key), person.At, () => $"duplicate person '{Excerpt(key)}'");
            }
        }
        var memberships = new HashSet<(string, string)>();
        foreach (var membership in file.Memberships)
        {
            ValidateMembership(membership, communities, people, index, errors);
            if (membership is { Person: { } p, Community: { } c })
            {
                errors.Check(memberships.Add((p.ToLowerInvariant(), c.ToLowerInvariant())), membership.At, () => $"duplicate membership of '{Excerpt(p)}' in '{Excerpt(c)}'");
            }
        }
        IntervisionImport.Validate(file, index, people, errors);
    }

    private static void ValidateCommunity(ImportCommunity community, ImportIndex index, ImportErrors errors)
    {
        var at = community.At;
        CheckName(community.Name, TextLimits.TeamName, "community name", at, errors);
        errors.Check(community.Theme is null || community.Theme.Length <= TextLimits.Theme, at, () => $"theme longer than {TextLimits.Theme} characters");
        errors.Check(community.Goals is null || community.Goals.Length <= TextLimits.Goals, at, () => $"goals longer than {TextLimits.Goals} characters");
        errors.Check(!HasControl(community.Theme, multiLine: true) && !HasControl(community.Goals, multiLine: true), at, () => "theme or goals hold a control character (such as NUL)");
        CheckSingleLine(at, errors, community.Phase, community.TimeZone, community.Language, community.Cadence, community.CadenceCount, community.SessionHours, community.CheckInWeeks);
        errors.Check(community.Phase is null || ImportRules.ParsePhase(community.Phase) is not null, at,
            () => $"unknown phase '{Excerpt(community.Phase)}' (1-5 or {string.Join(", ", Enum.GetNames<CommunityPhase>())})");
        errors.Check(community.TimeZone is null || TimeZoneInfo.TryFindSystemTimeZoneById(community.TimeZone, out _), at,
            () => $"invalid time zone '{Excerpt(community.TimeZone)}' (an IANA name such as Europe/Brussels)");
        errors.Check(community.Language is null || Languages.TryParse(community.Language, out _), at, () => $"unknown language '{Excerpt(community.Language)}' (nl or en)");
        var current = community.Name is not null && index.Communities.TryGetValue(community.Name, out var known) ? known.Kind : (Cadence.CadenceKind?)null;
        foreach (var error in ImportRules.CadenceErrors(community, current))
        {
            errors.Add(at, error);
        }
        errors.Check(community.CheckInWeeks is null || ImportRules.ParseCheckInWeeks(community.CheckInWeeks) is not null, at,
            () => $"checkin_weeks '{Excerpt(community.CheckInWeeks)}' must be a whole number of weeks from {Community.MinCheckInEveryWeeks} to {Community.MaxCheckInEveryWeeks}");
    }

    private static void ValidatePerson(ImportPerson person, HashSet<string> schools, ImportIndex index, ImportErrors errors)
    {
        var at = person.At;
        errors.Check(person.Email is not null || person.AadObjectId is not null, at, () => "a person needs an e-mail/UPN or an Entra object id");
        errors.Check(person.Email is null || person.Email.Length <= EmailLength, at, () => $"e-mail longer than {EmailLength} characters");
        errors.Check(person.Email is null || person.Email.Length > EmailLength || HasControl(person.Email) || IsEmail(person.Email), at,
            () => $"invalid e-mail '{Excerpt(person.Email)}'");
        errors.Check(person.AadObjectId is null || Guid.TryParse(person.AadObjectId, out _), at, () => $"invalid Entra object id '{Excerpt(person.AadObjectId)}' (a GUID)");
        errors.Check(person.DisplayName is null || person.DisplayName.Length <= MaxLengths.DisplayName, at, () => $"display name longer than {MaxLengths.DisplayName} characters");
        CheckSingleLine(at, errors, person.Email, person.DisplayName, person.School, person.Language);
        errors.Check(person.School is null || schools.Contains(person.School) || index.Schools.ContainsKey(person.School), at, () => $"unknown school '{Excerpt(person.School)}'");
        errors.Check(person.Language is null || Languages.TryParse(person.Language, out _), at, () => $"unknown language '{Excerpt(person.Language)}' (nl or en)");
    }

    private static void ValidateMembership(ImportMembership membership, HashSet<string> communities, HashSet<string> people, ImportIndex index, ImportErrors errors)
    {
        var at = membership.At;
        errors.Check(membership.Person is not null, at, () => "membership without a person (e-mail/UPN or Entra object id)");
        errors.Check(membership.Community is not null, at, () => "membership without a community");
        errors.Check(membership.Role is not null && ImportRules.ParseRole(membership.Role) is not null, at,
            () => $"unknown role '{Excerpt(membership.Role)}' (member, coach, coach-the-coach, leader)");
        errors.Check(membership.Community is null || communities.Contains(membership.Community) || index.Communities.ContainsKey(membership.Community), at,
            () => $"unknown community '{Excerpt(membership.Community)}'");
        errors.Check(membership.Person is null || people.Contains(membership.Person) || index.PersonId(membership.Person) is not null, at,
            () => $"unknown person '{Excerpt(membership.Person)}'");
    }

    /// <summary>Required, at most <paramref name="length"/> characters, on one line without control characters.</summary>
    internal static void CheckName(string? name, int length, string what, string at, ImportErrors errors)
    {
        errors.Check(!string.IsNullOrWhiteSpace(name) && name.Length <= length, at, () => $"{what} missing or longer than {length} characters");
        errors.Check(!HasControl(name), at, () => $"{what} holds a control character (such as NUL)");
    }

    internal static void CheckSingleLine(string at, ImportErrors errors, params string?[] values) =>
        errors.Check(!values.Any(v => HasControl(v)), at, () => "a field holds a control character (such as NUL) or a line break");

    private static bool IsEmail(string value) =>
        MailAddress.TryCreate(value, out var address) && address.Address == value && address.Host.Contains('.', StringComparison.Ordinal);
}
