using System.Globalization;
using CommunityBot.Bot;
using CommunityBot.Teams.Cards;

namespace CommunityBot.Agreements;

/// <summary>"Add agreement" on the recording card: checks the coach, records, and shows the card again for the next one.</summary>
internal sealed class RecordAgreementAction(AgreementBook book, RecordCardLoader cards, TurnState state) : CardActionHandler<RecordData>
{
    public override string Verb => AgreementVerbs.Record;

    protected override async Task<CardActionResult> HandleAsync(CardActionContext context, RecordData data, CancellationToken ct)
    {
        var texts = AgreementTexts.All.For(state.Language);
        if (!Enum.TryParse<AgreementKind>(context.Input(RecordCard.KindInput), out var kind))
        {
            return CardActionResult.Refuse(BotTexts.All.For(state.Language).UnknownAction);
        }
        var owners = Ids(context.Input(RecordCard.OwnersInput), out var wholeGroup);
        var dependants = Ids(context.Input(RecordCard.DependantsInput), out var wholeGroupDepends);
        var due = context.Input(RecordCard.DueInput);
        var text = context.Input(RecordCard.TextInputId) ?? "";
        var result = await book.RecordAsync(state.RequirePerson(), new AgreementDraft
        {
            CommunityId = data.CommunityId,
            MadeAtSessionId = data.SessionId,
            Kind = kind,
            Text = text,
            WholeGroup = wholeGroup,
            OwnerIds = owners,
            WholeGroupDepends = wholeGroupDepends,
            DependantIds = dependants,
            DueSessionId = long.TryParse(due, NumberStyles.None, CultureInfo.InvariantCulture, out var dueId) ? dueId : null,
        }, ct);
        return result.Outcome switch
        {
            RecordOutcome.Recorded => CardActionResult.UpdateCard(
                await cards.BuildAsync(data.CommunityId, data.SessionId, state.Language, texts.Confirmation(texts.Recorded(text.Trim()), result.SummaryPosted), ct)),
            RecordOutcome.NotAllowed => CardActionResult.Refuse(texts.OnlyCoachRecords),
            RecordOutcome.TextMissing => CardActionResult.Refuse(texts.TextRequired),
            RecordOutcome.TextTooLong => CardActionResult.Refuse(texts.TextTooLong),
            RecordOutcome.OwnersMissing => CardActionResult.Refuse(texts.OwnersRequired),
            _ => CardActionResult.Refuse(BotTexts.All.For(state.Language).UnknownAction),
        };
    }

    /// <summary>A multi-select value: ids joined by commas, possibly with "all" for the whole group.</summary>
    internal static List<long> Ids(string? value, out bool wholeGroup)
    {
        var parts = (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        wholeGroup = parts.Contains(RecordCard.WholeGroupValue);
        return [.. parts.Select(p => long.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : -1).Where(id => id > 0)];
    }
}
