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
}
