using System.Text.Json.Serialization;

namespace CommunityBot.Teams.Cards;

/// <summary>
/// Teams-only chart elements (schema 1.5 in Teams clients). Other hosts and the official renderer do not know them,
/// which is why the card validator allow-lists <c>Chart.*</c> and checks their data itself.
/// </summary>
public abstract class ChartElement : CardElement
{
    public string? Title { get; set; }
    public ChartColorSet? ColorSet { get; set; }
}

[JsonConverter(typeof(JsonStringEnumConverter<ChartColorSet>))]
public enum ChartColorSet
{
    [JsonStringEnumMemberName("categorical")] Categorical,
    [JsonStringEnumMemberName("sequential")] Sequential,
    [JsonStringEnumMemberName("sequentialred")] SequentialRed,
    [JsonStringEnumMemberName("sequentialgreen")] SequentialGreen,
    [JsonStringEnumMemberName("sequentialyellow")] SequentialYellow,
    [JsonStringEnumMemberName("diverging")] Diverging,
}

/// <summary>Parts of a whole, e.g. answers per Likert option.</summary>
public sealed class DonutChart : ChartElement
{
    public IList<DonutSlice> Data { get; set; } = [];
}

/// <param name="Color">A Teams chart colour name such as <c>good</c> or <c>categoricalBlue</c>; null lets the colour set decide.</param>
public sealed record DonutSlice(string Legend, double Value, string? Color = null);

public sealed class VerticalBarChart : ChartElement
{
    public string? XAxisTitle { get; set; }
    public string? YAxisTitle { get; set; }
    public bool? ShowBarValues { get; set; }
    public IList<ChartPoint> Data { get; set; } = [];
}

public sealed class HorizontalBarChart : ChartElement
{
    public string? XAxisTitle { get; set; }
    public string? YAxisTitle { get; set; }
    public IList<ChartPoint> Data { get; set; } = [];
}

/// <summary>One line per series, e.g. a condition's average per week.</summary>
public sealed class LineChart : ChartElement
{
    public string? XAxisTitle { get; set; }
    public string? YAxisTitle { get; set; }
    public IList<ChartSeries> Data { get; set; } = [];
}

/// <param name="X">The category or x label, e.g. a week.</param>
public sealed record ChartPoint(string X, double Y, string? Color = null);

public sealed record ChartSeries(string Legend, IList<ChartPoint> Values, string? Color = null);
