using System.Globalization;

namespace CommunityBot.Teams.Cards;

/// <summary>Dates travel as <c>yyyy-MM-dd</c> strings.</summary>
public sealed class DateInput : CardInput
{
    public string? Value { get; set; }
    public string? Min { get; set; }
    public string? Max { get; set; }
    public string? Placeholder { get; set; }

    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
