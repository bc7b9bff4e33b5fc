using System.Globalization;
using CommunityBot.Communities;
using CommunityBot.Communities.Import;
using CommunityBot.Localization;
using CommunityBot.Storage;
using static CommunityBot.Communities.Import.ImportText;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Intervision;

/// <summary>
/// An <c>intervision</c> row: the group's name, its coach-the-coach (e-mail/UPN or Entra object id) and optional
/// settings, all as text so the importer can name what is wrong.
/// </summary>
public sealed record ImportIntervisionGroup(string At, string? Name, string? CoachTheCoach)
{
    public string? CadenceWeeks { get; init; }
    public string? DurationMinutes { get; init; }

    /// <summary>"ma-vr", "mon,wed,thu", "maandag, dinsdag".</summary>
    public string? WorkingDays { get; init; }

    /// <summary>"09:00-17:00".</summary>
    public string? WorkingHours { get; init; }
    public string? TimeZone { get; init; }
    public string? Language { get; init; }
}

/// <summary>An <c>intervision-member</c> row: a process coach of the tenant in a group.</summary>
public sealed record ImportIntervisionMember(string At, string? Group, string? Person);

/// <summary>The import's intervision part: validated with the rest of the file, stored after it in one transaction, idempotent.</summary>
public sealed class IntervisionImport(AppDbContext db, TimeProvider clock)
{
    /// <summary>The intervision rows against the file and the tenant's index: people by key, coaches by their memberships.</summary>
    public static void Validate(ImportFile file, ImportIndex index, IReadOnlySet<string> peopleInFile, ImportErrors errors)
    {
        var groups = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in file.IntervisionGroups)
        {
            ImportValidator.CheckName(row.Name, IntervisionGroup.NameLength, "intervision group name", row.At, errors);
            ImportValidator.CheckSingleLine(row.At, errors, row.CoachTheCoach, row.CadenceWeeks, row.DurationMinutes, row.WorkingDays, row.WorkingHours, row.TimeZone, row.Language);
            errors.Check(row.Name is null || groups.Add(row.Name), row.At, () => $"duplicate intervision group '{Excerpt(row.Name)}'");
            errors.Check(row.CoachTheCoach is not null, row.At, () => "intervision group without a coach-the-coach (e-mail/UPN or Entra object id)");
            errors.Check(row.CoachTheCoach is null || peopleInFile.Contains(row.CoachTheCoach) || index.PersonId(row.CoachTheCoach) is not null, row.At,
                () => $"unknown person '{Excerpt(row.CoachTheCoach)}'");
            errors.Check(row.CadenceWeeks is null || ParseCadence(row.CadenceWeeks) is not null, row.At,
                () => $"cadence_count '{Excerpt(row.CadenceWeeks)}' must be a whole number of weeks from {IntervisionGroup.MinCadenceWeeks} to {IntervisionGroup.MaxCadenceWeeks}");
            errors.Check(row.DurationMinutes is null || ParseDuration(row.DurationMinutes) is not null, row.At,
                () => $"duration_minutes '{Excerpt(row.DurationMinutes)}' must be one of {string.Join(", ", IntervisionGroup.DurationChoices)}");
            errors.Check(row.WorkingDays is null || ParseDays(row.WorkingDays) is not null, row.At, () => $"working_days '{Excerpt(row.WorkingDays)}' must name days, e.g. ma-vr or mon,wed");
            var hours = row.WorkingHours is null ? null : ParseHours(row.WorkingHours);
            errors.Check(row.WorkingHours is null || hours is not null, row.At, () => $"working_hours '{Excerpt(row.WorkingHours)}' must be a start before an end, e.g. 09:00-17:00");
            var minutes = ParseDuration(row.DurationMinutes ?? "") ?? IntervisionGroup.DefaultDurationMinutes;
            errors.Check(hours is not { } h || (h.End - h.Start).TotalMinutes >= minutes, row.At, () => "working_hours are shorter than the intervision itself");
            errors.Check(row.TimeZone is null || TimeZoneInfo.TryFindSystemTimeZoneById(row.TimeZone, out _), row.At,
                () => $"invalid time zone '{Excerpt(row.TimeZone)}' (an IANA name such as Europe/Brussels)");
            errors.Check(row.Language is null || Languages.TryParse(row.Language, out _), row.At, () => $"unknown language '{Excerpt(row.Language)}' (nl or en)");
        }
        var coachesInFile = file.Memberships
            .Where(m => m.Person is not null && m.Role is not null && ImportRules.ParseRole(m.Role) == CommunityRole.Coach)
            .Select(m => m.Person!).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var members = new HashSet<(string, string)>();
        foreach (var row in file.IntervisionMembers)
        {
            ImportValidator.CheckSingleLine(row.At, errors, row.Group, row.Person);
            errors.Check(row.Group is not null && (groups.Contains(row.Group) || index.IntervisionGroups.ContainsKey(row.Group)), row.At,
                () => $"unknown intervision group '{Excerpt(row.Group)}'");
            errors.Check(row.Person is not null, row.At, () => "intervision member without a person (e-mail/UPN or Entra object id)");
            if (row.Person is null)
            {
                continue;
            }
            var person = index.PersonId(row.Person);
            errors.Check(person is not null || peopleInFile.Contains(row.Person), row.At, () => $"unknown person '{Excerpt(row.Person)}'");
            var isCoach = coachesInFile.Contains(row.Person) || (person is { } id && index.Coaches.Contains(id));
            errors.Check(person is null && !peopleInFile.Contains(row.Person) || isCoach, row.At, () => $"'{Excerpt(row.Person)}' is no process coach of any community");
            if (row.Group is not null)
            {
                errors.Check(members.Add((row.Group.ToLowerInvariant(), row.Person.ToLowerInvariant())), row.At,
                    () => $"duplicate member '{Excerpt(row.Person)}' of '{Excerpt(row.Group)}'");
            }
        }
    }

    /// <summary>After people and memberships are stored: groups matched by name (created or updated), members added.</summary>
    public async Task<ImportSummary> ApplyAsync(string tenantId, ImportFile file, ImportIndex index, ImportSummary summary, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // Names match case-insensitively, as in validation: a row in other case updates the group and keeps its name.
        var names = await CanonicalNamesAsync(tenantId, ct);
        foreach (var row in file.IntervisionGroups)
        {
            var name = names.GetValueOrDefault(row.Name!, row.Name!);
            var coachTheCoachId = index.PersonId(row.CoachTheCoach!)!.Value;
            var cadence = row.CadenceWeeks is null ? IntervisionGroup.DefaultCadenceWeeks : ParseCadence(row.CadenceWeeks)!.Value;
            var created = await db.InsertOrIgnoreAsync(new IntervisionGroup
            {
                TenantId = tenantId, Name = name, CoachTheCoachId = coachTheCoachId, CadenceWeeks = cadence, CreatedAt = now,
                NextProposalAt = now.AddDays(7 * cadence),
            }, ct);
            var group = await db.Set<IntervisionGroup>().SingleAsync(g => g.TenantId == tenantId && g.Name == name, ct);
            summary = created
                ? summary with { IntervisionGroupsCreated = summary.IntervisionGroupsCreated + 1 }
                : summary with { IntervisionGroupsUpdated = summary.IntervisionGroupsUpdated + 1 };
            group.CoachTheCoachId = coachTheCoachId;
            if (row.CadenceWeeks is not null && cadence != group.CadenceWeeks)
            {
                group.NextProposalAt = group.NextProposalAt is null ? null
                    : await GroupEditor.LastMeetingOrCreationAsync(db, group, ct) + TimeSpan.FromDays(7 * cadence);
                group.CadenceWeeks = cadence;
            }
            group.DurationMinutes = row.DurationMinutes is null ? group.DurationMinutes : ParseDuration(row.DurationMinutes)!.Value;
            group.WorkingDays = row.WorkingDays is null ? group.WorkingDays : ParseDays(row.WorkingDays)!.Value;
            (group.DayStart, group.DayEnd) = row.WorkingHours is null ? (group.DayStart, group.DayEnd) : ParseHours(row.WorkingHours)!.Value;
            group.TimeZone = row.TimeZone ?? group.TimeZone;
            group.Language = row.Language is not null && Languages.TryParse(row.Language, out var language) ? language : group.Language;
        }
        await db.SaveChangesAsync(ct);
        var groupIds = (await db.Set<IntervisionGroup>().Where(g => g.TenantId == tenantId).Select(g => new { g.Name, g.Id }).ToListAsync(ct))
            .DistinctBy(g => g.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Name, g => g.Id, StringComparer.OrdinalIgnoreCase);
        // Members are only added: the ones already in a group are skipped by the statement itself.
        var added = await db.InsertOrIgnoreRangeAsync(
            [.. file.IntervisionMembers.Select(row => new IntervisionGroupMember { GroupId = groupIds[row.Group!], PersonId = index.PersonId(row.Person!)!.Value })], ct);
        return summary with { IntervisionMembersCreated = summary.IntervisionMembersCreated + added };
    }

    /// <summary>The tenant's group names as stored, looked up in any case (a tenant has a handful of groups).</summary>
    private async Task<Dictionary<string, string>> CanonicalNamesAsync(string tenantId, CancellationToken ct) =>
        (await db.Set<IntervisionGroup>().Where(g => g.TenantId == tenantId).Select(g => g.Name).ToListAsync(ct))
            .DistinctBy(n => n, StringComparer.OrdinalIgnoreCase).ToDictionary(n => n, StringComparer.OrdinalIgnoreCase);

    private static int? ParseCadence(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var weeks)
        && weeks is >= IntervisionGroup.MinCadenceWeeks and <= IntervisionGroup.MaxCadenceWeeks ? weeks : null;

    private static int? ParseDuration(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) && IntervisionGroup.DurationChoices.Contains(minutes) ? minutes : null;

    private static readonly string[][] DayNames =
    [
        ["zo", "zondag", "sun", "sunday"], ["ma", "maandag", "mon", "monday"], ["di", "dinsdag", "tue", "tuesday"],
        ["wo", "woensdag", "wed", "wednesday"], ["do", "donderdag", "thu", "thursday"], ["vr", "vrijdag", "fri", "friday"],
        ["za", "zaterdag", "sat", "saturday"],
    ];

    /// <summary>Days as a mask: names separated by commas, or a range of weekdays ("ma-vr"); null when a name is unknown.</summary>
    internal static int? ParseDays(string text)
    {
        var mask = 0;
        foreach (var part in text.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var ends = part.Split(['-', '–'], StringSplitOptions.TrimEntries);
            if (ends.Length > 2 || ends.Select(Day).ToList() is not [{ } first, ..] days || days.Any(d => d is null))
            {
                return null;
            }
            var last = days[^1]!.Value;
            for (var d = first; ; d = (d + 1) % 7)
            {
                mask |= 1 << d;
                if (d == last)
                {
                    break;
                }
            }
        }
        return mask == 0 ? null : mask;
    }

    private static int? Day(string name)
    {
        var index = Array.FindIndex(DayNames, names => names.Contains(name.ToLowerInvariant()));
        return index < 0 ? null : index;
    }

    internal static (TimeOnly Start, TimeOnly End)? ParseHours(string text)
    {
        var parts = text.Split(['-', '–'], StringSplitOptions.TrimEntries);
        return parts.Length == 2
            && TimeOnly.TryParseExact(parts[0], "H:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            && TimeOnly.TryParseExact(parts[1], "H:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end)
            && start < end ? (start, end) : null;
    }
}
