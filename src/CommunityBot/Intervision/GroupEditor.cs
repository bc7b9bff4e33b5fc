using System.Globalization;
using CommunityBot.Agreements;
using CommunityBot.Communities;
using CommunityBot.Localization;
using CommunityBot.People;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Intervision;

public enum GroupEditOutcome
{
    Allowed,
    Saved,
    Invalid,
    NotAllowed,
    UnknownGroup,
}

public sealed record GroupEditResult(GroupEditOutcome Outcome, GroupSheet? Sheet = null, IReadOnlyList<string>? Errors = null);

/// <summary>
/// Who may see and change an intervision group (its coach-the-coach, or a tenant admin; re-checked on every press), and
/// the change itself: coaches only from the tenant's process coaches, cadence 4–12 weeks, a listed length, at least one
/// day, hours that fit the length.
/// </summary>
public sealed class GroupEditor(AppDbContext db, ILogger<GroupEditor> logger)
{
    public async Task<IReadOnlyList<GroupSheet>> ManagedByAsync(Person actor, CancellationToken ct)
    {
        var ids = await db.Set<IntervisionGroup>().AsNoTracking()
            .Where(g => g.TenantId == actor.TenantId && (actor.IsTenantAdmin || g.CoachTheCoachId == actor.Id))
            .OrderBy(g => g.Name).Select(g => g.Id).ToListAsync(ct);
        List<GroupSheet> sheets = [];
        foreach (var id in ids)
        {
            sheets.Add(await SheetAsync(id, ct));
        }
        return sheets;
    }

    public async Task<GroupEditResult> SaveAsync(Person actor, GroupForm form, Language language, CancellationToken ct)
    {
        var group = await db.Set<IntervisionGroup>().Include(g => g.Members)
            .SingleOrDefaultAsync(g => g.Id == form.GroupId && g.TenantId == actor.TenantId, ct);
        if (group is null)
        {
            return new GroupEditResult(GroupEditOutcome.UnknownGroup);
        }
        if (group.CoachTheCoachId != actor.Id && !actor.IsTenantAdmin)
        {
            IntervisionLog.GroupRefused(logger, actor.Id, group.Id);
            return new GroupEditResult(GroupEditOutcome.NotAllowed);
        }
        var sheet = await SheetAsync(group.Id, ct);
        var texts = IntervisionTexts.All.For(language);
        List<string> errors = [];
        var allowed = sheet.Candidates.Concat(sheet.Members).Select(c => c.PersonId).ToHashSet();
        var coaches = Numbers(form.Coaches);
        if (coaches is null || !coaches.All(allowed.Contains))
        {
            errors.Add(texts.ErrorCoaches);
        }
        if (!int.TryParse(form.Cadence, NumberStyles.None, CultureInfo.InvariantCulture, out var cadence)
            || cadence is < IntervisionGroup.MinCadenceWeeks or > IntervisionGroup.MaxCadenceWeeks)
        {
            errors.Add(texts.ErrorCadence);
        }
        if (!int.TryParse(form.Duration, NumberStyles.None, CultureInfo.InvariantCulture, out var duration) || !IntervisionGroup.DurationChoices.Contains(duration))
        {
            errors.Add(texts.ErrorDuration);
        }
        var days = Numbers(form.Days);
        if (days is null || days.Count == 0 || days.Any(d => d > 6))
        {
            errors.Add(texts.ErrorDays);
        }
        var start = Time(form.DayStart);
        var end = Time(form.DayEnd);
        if (start is null || end is null || start >= end || (end.Value - start.Value).TotalMinutes < duration)
        {
            errors.Add(texts.ErrorHours);
        }
        if (errors.Count > 0)
        {
            return new GroupEditResult(GroupEditOutcome.Invalid, sheet, errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var cadenceChanged = group.CadenceWeeks != cadence;
        (group.CadenceWeeks, group.DurationMinutes, group.WorkingDays, group.DayStart, group.DayEnd) =
            (cadence, duration, IntervisionGroup.DaysMask(days!.Select(d => (DayOfWeek)d)), start!.Value, end!.Value);
        if (cadenceChanged && group.NextProposalAt is not null)
        {
            group.NextProposalAt = await LastMeetingOrCreationAsync(db, group, ct) + TimeSpan.FromDays(7 * cadence);
        }
        var wanted = coaches!.ToHashSet();
        db.Set<IntervisionGroupMember>().RemoveRange(group.Members.Where(m => !wanted.Contains(m.PersonId)));
        await db.SaveChangesAsync(ct);
        // Insert-or-ignore: two editors adding the same coach at once both succeed.
        await db.InsertOrIgnoreRangeAsync([.. wanted.Select(id => new IntervisionGroupMember { GroupId = group.Id, PersonId = id })], ct);
        await transaction.CommitAsync(ct);
        IntervisionLog.GroupChanged(logger, group.Id, actor.Id);
        return new GroupEditResult(GroupEditOutcome.Saved, await SheetAsync(group.Id, ct));
    }

    public async Task<GroupSheet> SheetAsync(long groupId, CancellationToken ct)
    {
        var group = await db.Set<IntervisionGroup>().AsNoTracking().Include(g => g.CoachTheCoach).Include(g => g.Members).ThenInclude(m => m.Person)
            .SingleAsync(g => g.Id == groupId, ct);
        var candidates = await db.Memberships.AsNoTracking()
            .Where(m => m.LeftAt == null && m.Role == CommunityRole.Coach && m.Community.TenantId == group.TenantId && m.PersonId != group.CoachTheCoachId)
            .Select(m => m.Person).Distinct().ToListAsync(ct);
        return new GroupSheet(group, PersonRef.NameOf(group.CoachTheCoach),
            [.. group.Members.Select(m => new GroupCoach(m.PersonId, PersonRef.NameOf(m.Person))).OrderBy(c => c.Name, StringComparer.CurrentCultureIgnoreCase)],
            [.. candidates.Select(p => new GroupCoach(p.Id, PersonRef.NameOf(p)))]);
    }

    /// <summary>The cadence counts from the last booked intervision, or from the group's creation when there was none.</summary>
    internal static async Task<DateTimeOffset> LastMeetingOrCreationAsync(AppDbContext db, IntervisionGroup group, CancellationToken ct) =>
        await db.Set<IntervisionProposal>().AsNoTracking()
            .Where(p => p.GroupId == group.Id && p.State == ProposalState.Booked)
            .OrderByDescending(p => p.StartsAt).Select(p => p.StartsAt).FirstOrDefaultAsync(ct) ?? group.CreatedAt;

    /// <summary>"HH:mm" as the card's time input sends it; null otherwise.</summary>
    private static TimeOnly? Time(string? text) =>
        TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;

    /// <summary>A comma-separated list of non-negative numbers; null when any part is not one. Empty text is an empty list.</summary>
    private static List<long>? Numbers(string? text)
    {
        List<long> numbers = [];
        foreach (var part in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                return null;
            }
            numbers.Add(number);
        }
        return numbers;
    }
}
