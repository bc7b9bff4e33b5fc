using System.Globalization;

namespace CommunityBot.Teams.Cards;

/// <summary>Times travel as <c>HH:mm</c> strings.</summary>
public sealed class TimeInput : CardInput
{
    public string? Value { get; set; }
    public string? Min { get; set; }
    public string? Max { get; set; }
    public string? Placeholder { get; set; }

    public static string Format(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}
