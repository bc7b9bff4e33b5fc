using System.Globalization;
using CommunityBot.Localization;
using CommunityBot.Teams.Cards;

namespace CommunityBot.Communities.Cadence;

/// <summary>The coach's card to set a community's rhythm and planned session length (verb <see cref="CadenceVerbs.Change"/>).</summary>
public static class CadenceCard
{
    public const string KindEveryWeeks = "weeks";
    public const string KindPerYear = "school-year";

    /// <summary>The card with the community's current norm, or with the coach's last input and its errors; <paramref name="saved"/> after a save.</summary>
    public static AdaptiveCard Build(Community community, Language language, CadenceForm? values = null, IReadOnlyList<string>? errors = null, bool saved = false)
    {
        var texts = CadenceTexts.All.For(language);
        var title = string.Format(texts.Title, community.Name);
        var body = new List<CardElement>
        {
            new TextBlock(title) { Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true, Style = TextBlockStyle.Heading },
            new TextBlock(texts.Intro) { Wrap = true },
        };
        if (saved)
        {
            body.Add(new TextBlock(string.Format(texts.Saved, texts.Rhythm(community.CadenceKind, community.CadenceCount), texts.Length(community.SessionDuration)))
            {
                Color = TextColor.Good,
                Wrap = true,
            });
        }
        body.AddRange((errors ?? []).Select(e => new TextBlock(e) { Color = TextColor.Attention, Wrap = true }));
        var perYear = community.CadenceKind == CadenceKind.PerSchoolYear;
        body.Add(new ChoiceSetInput
        {
            Id = "kind",
            Label = texts.KindLabel,
            Style = ChoiceInputStyle.Expanded,
            IsRequired = true,
            ErrorMessage = texts.ErrorKind,
            Choices = [new Choice(texts.KindEveryWeeks, KindEveryWeeks), new Choice(texts.KindPerYear, KindPerYear)],
            Value = values?.Kind ?? (perYear ? KindPerYear : KindEveryWeeks),
        });
        body.Add(Numbers("weeks", texts.WeeksLabel, CadenceKind.EveryNWeeks, values?.Weeks ?? Count(community, CadenceKind.EveryNWeeks)));
        body.Add(Numbers("perYear", texts.PerYearLabel, CadenceKind.PerSchoolYear, values?.PerYear ?? Count(community, CadenceKind.PerSchoolYear)));
        body.Add(new ChoiceSetInput
        {
            Id = "duration",
            Label = texts.DurationLabel,
            Style = ChoiceInputStyle.Compact,
            IsRequired = true,
            ErrorMessage = texts.ErrorDuration,
            Choices = [.. CadenceNorm.Durations().Select(d => new Choice(texts.Length(d), Minutes(d)))],
            Value = values?.Duration ?? Minutes(community.SessionDuration),
        });
        var save = new ExecuteAction(texts.Save, CadenceVerbs.Change, new CadenceForm { CommunityId = community.Id, Save = true }) { Style = ActionStyle.Positive };
        return new AdaptiveCard { Lang = language.CardLang(), FallbackText = title, Body = body, Actions = [save] };
    }

    /// <summary>A length as the cards send it: whole minutes.</summary>
    public static string Minutes(TimeSpan duration) => ((int)duration.TotalMinutes).ToString(CultureInfo.InvariantCulture);

    private static ChoiceSetInput Numbers(string id, string label, CadenceKind kind, string value)
    {
        var (min, max) = CadenceNorm.CountRange(kind);
        return new ChoiceSetInput
        {
            Id = id,
            Label = label,
            Style = ChoiceInputStyle.Compact,
            Choices = [.. Enumerable.Range(min, max - min + 1).Select(n => n.ToString(CultureInfo.InvariantCulture)).Select(n => new Choice(n, n))],
            Value = value,
        };
    }

    /// <summary>The community's count for its own kind; the other kind's picker starts at that kind's default.</summary>
    private static string Count(Community community, CadenceKind kind) =>
        (community.CadenceKind == kind ? community.CadenceCount : CadenceNorm.DefaultCount(kind)).ToString(CultureInfo.InvariantCulture);
}
