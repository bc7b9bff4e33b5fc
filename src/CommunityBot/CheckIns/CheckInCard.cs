using System.Globalization;
using CommunityBot.Localization;
using CommunityBot.Teams.Cards;
using CommunityBot.Limits;

namespace CommunityBot.CheckIns;

/// <summary>
/// The check-in form: one compact choice per statement (a native picker on a phone, one line each on a desktop), an
/// optional comment, and before anything else that it is voluntary and anonymous and what the coach will and won't see.
/// </summary>
public static class CheckInCard
{
    public const string ItemPrefix = "item-";
    public const string CommentId = "comment";

    /// <param name="own">The member's round, prefilled with their answers when they change them.</param>
    public static AdaptiveCard Build(OwnCheckIns owner, OwnRound own, int minimumResponses, DateTimeOffset now, Language language)
    {
        var texts = CheckInTexts.All.For(language);
        var instrument = own.Instrument;
        var title = texts.FormTitle(owner.CommunityName);
        List<CardElement> body =
        [
            new TextBlock(title) { Size = TextSize.Medium, Weight = TextWeight.Bolder, Wrap = true, Style = TextBlockStyle.Heading },
            new TextBlock(texts.Voluntary) { Wrap = true },
            new TextBlock(texts.WhoSeesWhat(minimumResponses)) { Wrap = true, IsSubtle = true, Size = TextSize.Small },
        ];
        var choices = instrument.Labels
            .Select((label, i) => instrument.Min + i)
            .Select(point => new Choice($"{point} · {instrument.Labels[point - instrument.Min].For(language)}", point.ToString(CultureInfo.InvariantCulture)))
            .ToList();
        body.AddRange(instrument.Items.Select(item => new ChoiceSetInput
        {
            Id = InputId(item.Id),
            Label = item.Text.For(language),
            Style = ChoiceInputStyle.Compact,
            Choices = choices,
            Placeholder = texts.ChoosePlaceholder,
            IsRequired = true,
            ErrorMessage = texts.AnswerRequired,
            Value = own.Answers?.GetValueOrDefault(item.Id) is { } value and > 0 ? value.ToString(CultureInfo.InvariantCulture) : null,
            Wrap = true,
            Spacing = Spacing.Medium,
        }));
        body.Add(new TextInput
        {
            Id = CommentId,
            Label = texts.CommentLabel,
            IsMultiline = true,
            MaxLength = TextLimits.CheckInComment,
            Value = own.Comment,
            Spacing = Spacing.Medium,
        });
        body.Add(new TextBlock(texts.OpenUntil(Formats.DayAndTime(own.CheckIn.ClosesAt, owner.Zone, language, now))) { Wrap = true, IsSubtle = true, Size = TextSize.Small });
        return new AdaptiveCard
        {
            Lang = language.CardLang(),
            FallbackText = title,
            Body = body,
            Actions = [new ExecuteAction(texts.Send, CheckInVerbs.Answer, new CheckInData(own.CheckIn.Id, owner.CommunityId)) { Style = ActionStyle.Positive }],
        };
    }

    public static string InputId(string itemId) => ItemPrefix + itemId;
}
