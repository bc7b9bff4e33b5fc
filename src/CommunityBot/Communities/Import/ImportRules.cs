using System.Globalization;
using CommunityBot.Communities.Cadence;
using static CommunityBot.Communities.Import.ImportText;

namespace CommunityBot.Communities.Import;

/// <summary>How an import's text values read as roles, phases and rhythms: one place for the validator and the writer.</summary>
internal static class ImportRules
{
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
    internal static IEnumerable<string> CadenceErrors(ImportCommunity row, CadenceKind? current)
    {
        var kind = CadenceNorm.ParseKind(row.Cadence);
        if (row.Cadence is not null && kind is null)
        {
            yield return $"unknown cadence '{Excerpt(row.Cadence)}' (weeks or school-year)";
        }
        else if (row.CadenceCount is not null)
        {
            var effective = kind ?? current ?? CadenceKind.EveryNWeeks;
            var (min, max) = CadenceNorm.CountRange(effective);
            if (!int.TryParse(row.CadenceCount, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || !CadenceNorm.IsValidCount(effective, count))
            {
                yield return effective == CadenceKind.EveryNWeeks
                    ? $"cadence_count '{Excerpt(row.CadenceCount)}' must be a whole number of weeks from {min} to {max}"
                    : $"cadence_count '{Excerpt(row.CadenceCount)}' must be a whole number of sessions per school year from {min} to {max}";
            }
        }
        if (row.SessionHours is not null && (CadenceNorm.ParseHours(row.SessionHours) is not { } hours || !CadenceNorm.IsValidDuration(hours)))
        {
            yield return $"session_hours '{Excerpt(row.SessionHours)}' must be from 1 to 4 hours in quarter hours (e.g. 2.5)";
        }
    }

    /// <summary>Sets what the row gives; a new kind without a count takes that kind's default. True when the norm changed.</summary>
    internal static bool ApplyCadence(ImportCommunity row, Community community)
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

    internal static int? ParseCheckInWeeks(string weeks) =>
        int.TryParse(weeks, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
        && number is >= Community.MinCheckInEveryWeeks and <= Community.MaxCheckInEveryWeeks ? number : null;
}
