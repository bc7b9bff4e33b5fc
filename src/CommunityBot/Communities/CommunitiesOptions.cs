using System.ComponentModel.DataAnnotations;

namespace CommunityBot.Communities;

/// <summary>The "Communities" section: how installs create communities.</summary>
public sealed class CommunitiesOptions
{
    public const string Section = "Communities";

    /// <summary>Whoever installs the app in a team becomes its coach when the community has none yet. An admin may switch this off.</summary>
    public bool InstallerBecomesCoach { get; set; } = true;

    /// <summary>Members per page when the roster of a team is read from Teams.</summary>
    [Range(1, 500)]
    public int RosterPageSize { get; set; } = 200;
}
