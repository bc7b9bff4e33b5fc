using CommunityBot.Localization;
using CommunityBot.Teams.Cards;
using CommunityBot.Limits;

namespace CommunityBot.Agreements;

/// <summary>What the recording card offers: the community, its members, the sessions an agreement can be due at.</summary>
/// <param name="Now">When the card is made: its dates carry the year only when that is not the current one.</param>
public sealed record RecordCardModel(
    long CommunityId,
    string CommunityName,
    TimeZoneInfo Zone,
    SessionRef? MadeAt,
    IReadOnlyList<PersonRef> Members,
    IReadOnlyList<SessionRef> UpcomingSessions,
    IReadOnlyList<AgreementView> RecordedSoFar,
    DateTimeOffset Now);

/// <summary>The coach's form: kind, text, owners, dependants, due; it stays open to add the next agreement.</summary>
public static class RecordCard
{
    public const string KindInput = "kind";
    public const string TextInputId = "text";
    public const string OwnersInput = "owners";
    public const string DependantsInput = "dependants";
    public const string DueInput = "due";

    /// <summary>The choice value for "the whole group" in the owners and dependants lists.</summary>
    public const string WholeGroupValue = "all";

    /// <summary>The choice value for "the next session, whenever it is planned".</summary>
    public const string NextSessionValue = "next";

    public static AdaptiveCard Build(RecordCardModel model, Language language, string? notice = null)
    {
        var texts = AgreementTexts.All.For(language);
        List<CardElement> body =
        [
            new TextBlock(texts.RecordTitle(model.CommunityName)) { Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true, Style = TextBlockStyle.Heading },
            new TextBlock(model.MadeAt is { } made ? texts.RecordIntroAfterSession(Formats.Day(made.StartsAt, model.Zone, language, model.Now)) : texts.RecordIntroNoSession) { Wrap = true },
        ];
        if (notice is not null)
        {
            body.Add(new TextBlock(notice) { Color = TextColor.Good, Wrap = true, Weight = TextWeight.Bolder });
        }
        if (model.RecordedSoFar.Count > 0)
        {
            body.Add(new TextBlock(texts.RecordedSoFar) { Weight = TextWeight.Bolder, Separator = true, Wrap = true });
            body.Add(new FactSet
            {
                Facts = [.. model.RecordedSoFar.Select(a => new CardFact(texts.Kind(a.Kind), $"{a.Text} ({(a.WholeGroup ? texts.WholeGroup : ReminderCard.Names(a.Owners))})"))],
            });
        }
        var people = model.Members.Select(m => new Choice(m.Name, m.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        body.AddRange(
        [
            new ChoiceSetInput
            {
                Id = KindInput,
                Label = texts.KindLabel,
                Style = ChoiceInputStyle.Expanded,
                Value = nameof(AgreementKind.Finish),
                Choices = [.. Enum.GetValues<AgreementKind>().Select(k => new Choice($"{texts.Kind(k)} – {texts.KindHint(k)}", k.ToString()))],
                Separator = true,
            },
            new TextInput
            {
                Id = TextInputId,
                Label = texts.TextLabel,
                Placeholder = texts.TextPlaceholder,
                IsMultiline = true,
                MaxLength = TextLimits.AgreementText,
                IsRequired = true,
                ErrorMessage = texts.TextRequired,
            },
            new ChoiceSetInput
            {
                Id = OwnersInput,
                Label = texts.OwnersLabel,
                IsMultiSelect = true,
                IsRequired = true,
                ErrorMessage = texts.OwnersRequired,
                Choices = [new Choice(texts.WholeGroup, WholeGroupValue), .. people],
            },
            new ChoiceSetInput
            {
                Id = DependantsInput,
                Label = texts.DependantsLabel,
                IsMultiSelect = true,
                Choices = [new Choice(texts.WholeGroup, WholeGroupValue), .. people],
            },
            new ChoiceSetInput
            {
                Id = DueInput,
                Label = texts.DueLabel,
                Value = model.UpcomingSessions.Count > 0 ? SessionValue(model.UpcomingSessions[0]) : NextSessionValue,
                Choices = model.UpcomingSessions.Count > 0
                    ? [.. model.UpcomingSessions.Select(s => new Choice(ReminderCard.SessionLine(s, model.Zone, texts, language, model.Now), SessionValue(s)))]
                    : [new Choice(texts.NextSessionNotPlanned, NextSessionValue)],
            },
        ]);
        return new AdaptiveCard
        {
            Lang = language.CardLang(),
            FallbackText = texts.RecordTitle(model.CommunityName),
            Body = body,
            Actions = [new ExecuteAction(texts.AddAgreement, AgreementVerbs.Record, new RecordData(model.CommunityId, model.MadeAt?.Id)) { Style = ActionStyle.Positive }],
        };
    }

    private static string SessionValue(SessionRef session) => session.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
