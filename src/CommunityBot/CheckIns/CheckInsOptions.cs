using System.ComponentModel.DataAnnotations;

namespace CommunityBot.CheckIns;

/// <summary>The "CheckIns" section.</summary>
public sealed class CheckInsOptions
{
    public const string Section = "CheckIns";

    /// <summary>Used only in Development when no secret is configured; refused anywhere else.</summary>
    public const string DevelopmentSecret = "development-only-check-in-pseudonym-secret-do-not-use";

    public const int MinimumSecretLength = 32;

    /// <summary>
    /// The key of the keyed hash that turns member and community into the pseudonym answers are stored under. Whoever
    /// has it and the database can link answers to people, so it lives outside the database (a secret store).
    /// </summary>
    public string? PseudonymSecret { get; set; }

    /// <summary>Raised with every new secret; stored on each answer so answers under an older key are recognisable.</summary>
    [Range(1, int.MaxValue)]
    public int PseudonymKeyVersion { get; set; } = 1;

    /// <summary>k: results are released only when at least this many members answered. Never below 3.</summary>
    [Range(3, 1000)]
    public int MinimumResponses { get; set; } = 4;

    /// <summary>How many days a round stays open (issue 10: five, a school week).</summary>
    [Range(1, 14)]
    public int OpenDays { get; set; } = 5;

    /// <summary>The one reminder to those who have not answered comes this many days after opening.</summary>
    [Range(1, 13)]
    public int ReminderAfterDays { get; set; } = 2;

    /// <summary>Rounds open and reminders come at this local time on a school day, the start of the school morning.</summary>
    public TimeOnly LocalTime { get; set; } = new(8, 0);

    public TimeSpan Window => TimeSpan.FromDays(OpenDays);
}
