using System.Globalization;
using CommunityBot.Localization;
using CommunityBot.Teams.Cards;

namespace CommunityBot.Intervision;

public sealed record GroupCoach(long PersonId, string Name);

/// <summary>The group as its coach-the-coach (or an admin) sees and edits it: coaches, rhythm, length, days and hours.</summary>
public sealed record GroupSheet(IntervisionGroup Group, string CoachTheCoachName, IReadOnlyList<GroupCoach> Members, IReadOnlyList<GroupCoach> Candidates);

public static class GroupCard
{
    public static AdaptiveCard Build(GroupSheet sheet, Language language, IReadOnlyList<string>? errors = null, bool saved = false)
    {
        var texts = IntervisionTexts.All.For(language);
        var group = sheet.Group;
        var title = texts.GroupTitle(group.Name);
        var culture = language.Culture();
        List<CardElement> body =
        [
            new TextBlock(title) { Size = TextSize.Medium, Weight = TextWeight.Bolder, Wrap = true, Style = TextBlockStyle.Heading },
            new TextBlock(texts.GroupIntro(sheet.CoachTheCoachName)) { Wrap = true },
        ];
        if (saved)
        {
            body.Add(new TextBlock(texts.Saved) { Color = TextColor.Good, Wrap = true });
        }
        body.AddRange((errors ?? []).Select(e => new TextBlock(e) { Color = TextColor.Attention, Wrap = true }));
        var coaches = sheet.Candidates.Concat(sheet.Members).DistinctBy(c => c.PersonId).OrderBy(c => c.Name, StringComparer.CurrentCultureIgnoreCase);
        body.Add(new ChoiceSetInput
        {
            Id = "coaches",
            Label = texts.CoachesLabel,
            IsMultiSelect = true,
            Style = ChoiceInputStyle.Expanded,
            Choices = [.. coaches.Select(c => new Choice(c.Name, Id(c.PersonId)))],
            Value = string.Join(",", sheet.Members.Select(m => Id(m.PersonId))),
        });
        body.Add(new ChoiceSetInput
        {
            Id = "cadence",
            Label = texts.CadenceLabel,
            Style = ChoiceInputStyle.Compact,
            IsRequired = true,
            ErrorMessage = texts.ErrorCadence,
            Choices = [.. Enumerable.Range(IntervisionGroup.MinCadenceWeeks, IntervisionGroup.MaxCadenceWeeks - IntervisionGroup.MinCadenceWeeks + 1)
                .Select(n => new Choice(texts.EveryWeeks(n), Id(n)))],
            Value = Id(group.CadenceWeeks),
        });
        body.Add(new ChoiceSetInput
        {
            Id = "duration",
            Label = texts.DurationLabel,
            Style = ChoiceInputStyle.Compact,
            IsRequired = true,
            ErrorMessage = texts.ErrorDuration,
            Choices = [.. IntervisionGroup.DurationChoices.Select(n => new Choice(texts.Minutes(n), Id(n)))],
            Value = Id(group.DurationMinutes),
        });
        body.Add(new ChoiceSetInput
        {
            Id = "days",
            Label = texts.DaysLabel,
            IsMultiSelect = true,
            Style = ChoiceInputStyle.Expanded,
            Choices = [.. WeekDays.Select(d => new Choice(culture.DateTimeFormat.GetDayName(d), Id((int)d)))],
            Value = string.Join(",", WeekDays.Where(group.Days.Contains).Select(d => Id((int)d))),
        });
        body.Add(new ColumnSet
        {
            Columns =
            [
                new Column { Width = ColumnWidth.Stretch, Items = [new TimeInput { Id = "dayStart", Label = texts.DayStartLabel, Value = TimeInput.Format(group.DayStart) }] },
                new Column { Width = ColumnWidth.Stretch, Items = [new TimeInput { Id = "dayEnd", Label = texts.DayEndLabel, Value = TimeInput.Format(group.DayEnd) }] },
            ],
        });
        var save = new ExecuteAction(texts.Save, IntervisionVerbs.SaveGroup, new GroupForm { GroupId = group.Id }) { Style = ActionStyle.Positive };
        return new AdaptiveCard { Lang = language.CardLang(), FallbackText = title, Body = body, Actions = [save] };
    }

    /// <summary>Monday first, as a Flemish week starts.</summary>
    private static readonly DayOfWeek[] WeekDays =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    private static string Id(long value) => value.ToString(CultureInfo.InvariantCulture);
}
