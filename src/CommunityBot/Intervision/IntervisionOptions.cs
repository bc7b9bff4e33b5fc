using System.ComponentModel.DataAnnotations;

namespace CommunityBot.Intervision;

/// <summary>The "Intervision" section: where proposals look for time and how long a vote stays open.</summary>
public sealed class IntervisionOptions
{
    public const string Section = "Intervision";

    /// <summary>
    /// The search window starts on the first school day this many days ahead (time to vote, then to plan around it), and
    /// never before the day after the vote closes.
    /// </summary>
    [Range(3, 60)]
    public int SearchFromDays { get; set; } = 14;

    /// <summary>How many days the search window spans.</summary>
    [Range(5, 60)]
    public int SearchDays { get; set; } = 14;

    /// <summary>How many slots a proposal offers (the issue: 3 to 5).</summary>
    [Range(3, 5)]
    public int Slots { get; set; } = 4;

    /// <summary>The vote closes this many school days after the proposal, at the same time of day.</summary>
    [Range(1, 10)]
    public int VoteSchoolDays { get; set; } = 3;

    /// <summary>Free time kept around other appointments, so nobody runs from one meeting into the next.</summary>
    [Range(0, 60)]
    public int BufferMinutes { get; set; } = 15;

    /// <summary>Whether a tentative appointment counts as busy.</summary>
    public bool TentativeIsBusy { get; set; } = true;

    /// <summary>How long after a failed or abandoned booking the sweep tries again.</summary>
    [Range(1, 120)]
    public int BookingRetryMinutes { get; set; } = 5;

    /// <summary>
    /// How long after a proposal whose calendars could not be read (Graph down, or asking to slow down) the sweep tries
    /// again, for the command and the schedule alike; the coach-the-coach is told when.
    /// </summary>
    [Range(5, 1440)]
    public int CalendarRetryMinutes { get; set; } = 60;
}
