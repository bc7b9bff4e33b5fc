using System.ComponentModel.DataAnnotations;

namespace CommunityBot.Communities;

/// <summary>The "Communities" section: how installs create communities and who may import them.</summary>
public sealed class CommunitiesOptions
{
    public const string Section = "Communities";

    /// <summary>Whoever installs the app in a team becomes its coach when the community has none yet. An admin may switch this off.</summary>
    public bool InstallerBecomesCoach { get; set; } = true;

    /// <summary>
    /// Shared secret for <c>POST /admin/import</c> (header <c>X-Import-Key</c>). Empty: the import is open only to
    /// loopback callers in Development, until tenant admins sign in with real authentication.
    /// </summary>
    [MinLength(32)]
    public string? ImportApiKey { get; set; }

    /// <summary>Members per page when the roster of a team is read from Teams.</summary>
    [Range(1, 500)]
    public int RosterPageSize { get; set; } = 200;
}
