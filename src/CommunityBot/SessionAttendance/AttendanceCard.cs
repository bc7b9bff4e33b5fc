using CommunityBot.Localization;
using CommunityBot.Teams.Cards;

namespace CommunityBot.SessionAttendance;

/// <summary>
/// The coach's attendance card: one toggle per member, prefilled from regrets or from what was saved. It only ever goes
/// to the coach, and it names nobody as absent in a list: the toggles are the record itself.
/// </summary>
public static class AttendanceCard
{
    public const string On = "true";
    public const string Off = "false";

    public static AdaptiveCard Build(AttendanceSheet sheet, Language language)
    {
        var texts = AttendanceTexts.All.For(language);
        var title = texts.AttendanceTitle(sheet.CommunityName, Formats.DayAndTime(sheet.StartsAt, sheet.Zone, language, sheet.ReadAt));
        List<CardElement> body = [new TextBlock(title) { Size = TextSize.Medium, Weight = TextWeight.Bolder, Wrap = true, Style = TextBlockStyle.Heading }];
        if (sheet.Lines.Count == 0)
        {
            body.Add(new TextBlock(texts.NoMembers) { Wrap = true, IsSubtle = true });
        }
        else
        {
            body.Add(new TextBlock(texts.AttendanceIntro) { Wrap = true, IsSubtle = true });
            body.AddRange(sheet.Lines.Select(l => new ToggleInput
            {
                Id = InputId(l.PersonId),
                Title = l.Regretted ? l.Name + texts.RegrettedSuffix : l.Name,
                Value = l.Present ? On : Off,
                ValueOn = On,
                ValueOff = Off,
                Wrap = true,
            }));
        }
        if (sheet.SavedBy is not null && sheet.SavedAt is { } at)
        {
            body.Add(new TextBlock(texts.SavedBy(sheet.SavedBy, Formats.Short(at, sheet.Zone, language, sheet.ReadAt))) { Wrap = true, IsSubtle = true, Size = TextSize.Small });
        }
        return new AdaptiveCard
        {
            Lang = language.CardLang(),
            FallbackText = title,
            Body = body,
            Actions = sheet.Lines.Count == 0 ? null : [new ExecuteAction(texts.Save, AttendanceVerbs.Save, new AttendanceData(sheet.SessionId)) { Style = ActionStyle.Positive }],
        };
    }

    public const string InputPrefix = "present-";

    public static string InputId(long personId) => $"{InputPrefix}{personId}";
}
