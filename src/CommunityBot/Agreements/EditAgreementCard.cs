using System.Globalization;
using CommunityBot.Localization;
using CommunityBot.Teams.Cards;
using CommunityBot.Limits;

namespace CommunityBot.Agreements;

/// <param name="LoopSessionId">The close-the-loop card the coach came from; null for the open-agreements list.</param>
public sealed record EditCardModel(AgreementView Agreement, IReadOnlyList<PersonRef> Members, IReadOnlyList<SessionRef> UpcomingSessions, long? LoopSessionId);

/// <summary>
/// The coach's form to change an agreement: text, owners, dependants and due session, prefilled with what it says now.
/// The inputs have the recording card's ids, so both are read alike.
/// </summary>
public static class EditAgreementCard
{
    public static AdaptiveCard Build(EditCardModel model, Language language)
    {
        var texts = CloseLoopTexts.All.For(language);
        var agreementTexts = AgreementTexts.All.For(language);
        var agreement = model.Agreement;
        var people = model.Members.Select(m => new Choice(m.Name, Value(m.Id))).ToList();
        var dueIsUpcoming = agreement.DueSession is { } due && model.UpcomingSessions.Any(s => s.Id == due.Id);
        List<Choice> sessions = model.UpcomingSessions.Count > 0
            ? [.. model.UpcomingSessions.Select(s => new Choice(ReminderCard.SessionLine(s, agreement.Zone, agreementTexts, language, agreement.ReadAt), Value(s.Id)))]
            : [new Choice(agreementTexts.NextSessionNotPlanned, RecordCard.NextSessionValue)];
        List<CardElement> body =
        [
            new TextBlock(texts.EditTitle) { Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true, Style = TextBlockStyle.Heading },
            new TextBlock($"{agreementTexts.Kind(agreement.Kind)} – {agreement.CommunityName}") { IsSubtle = true, Wrap = true },
            new TextInput
            {
                Id = RecordCard.TextInputId,
                Label = agreementTexts.TextLabel,
                Value = agreement.Text,
                IsMultiline = true,
                MaxLength = TextLimits.AgreementText,
                IsRequired = true,
                ErrorMessage = agreementTexts.TextRequired,
            },
            new ChoiceSetInput
            {
                Id = RecordCard.OwnersInput,
                Label = agreementTexts.OwnersLabel,
                IsMultiSelect = true,
                IsRequired = true,
                ErrorMessage = agreementTexts.OwnersRequired,
                Value = agreement.WholeGroup ? RecordCard.WholeGroupValue : string.Join(',', agreement.Owners.Select(o => Value(o.Id))),
                Choices = [new Choice(agreementTexts.WholeGroup, RecordCard.WholeGroupValue), .. people],
            },
            new ChoiceSetInput
            {
                Id = RecordCard.DependantsInput,
                Label = agreementTexts.DependantsLabel,
                IsMultiSelect = true,
                Value = agreement.WholeGroupDepends ? RecordCard.WholeGroupValue : NullIfEmpty(string.Join(',', agreement.Dependants.Select(d => Value(d.Id)))),
                Choices = [new Choice(agreementTexts.WholeGroup, RecordCard.WholeGroupValue), .. people],
            },
            new ChoiceSetInput
            {
                Id = RecordCard.DueInput,
                Label = agreementTexts.DueLabel,
                // An agreement due at a session that is over gets the next one, as carrying it over would.
                Value = dueIsUpcoming ? Value(agreement.DueSession!.Id) : sessions[0].Value,
                Choices = sessions,
            },
        ];
        return new AdaptiveCard
        {
            Lang = language.CardLang(),
            FallbackText = texts.EditTitle,
            Body = body,
            Actions =
            [
                new ExecuteAction(texts.Save, CloseLoopVerbs.Edit, new EditData(agreement.Id, model.LoopSessionId)) { Style = ActionStyle.Positive },
                model.LoopSessionId is { } session
                    ? new ExecuteAction(texts.Back, CloseLoopVerbs.Show, new LoopData(session)) { AssociatedInputs = AssociatedInputs.None }
                    : new ExecuteAction(texts.Back, CloseLoopVerbs.Open, new OpenData(agreement.CommunityId)) { AssociatedInputs = AssociatedInputs.None },
            ],
        };
    }

    private static string Value(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
