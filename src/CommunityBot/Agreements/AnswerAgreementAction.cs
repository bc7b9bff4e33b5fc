using CommunityBot.Bot;
using CommunityBot.Limits;
using CommunityBot.SessionAttendance;
using CommunityBot.Teams.Cards;

namespace CommunityBot.Agreements;

/// <summary>Done / need help / won't make it, pressed on a reminder or on "my agreements"; answers with the redrawn card.</summary>
internal sealed class AnswerAgreementAction(AgreementBook book, AnswerCards cards, TurnState state) : CardActionHandler<AnswerData>
{
    public override string Verb => AgreementVerbs.Answer;

    protected override async Task<CardActionResult> HandleAsync(CardActionContext context, AnswerData data, CancellationToken ct)
    {
        var texts = AgreementTexts.All.For(state.Language);
        if (AgreementAnswers.StatusOf(data.Answer) is not { } to)
        {
            return CardActionResult.Refuse(BotTexts.All.For(state.Language).UnknownAction);
        }
        var comment = context.Input(ReminderCard.CommentInputId(data.AgreementId));
        if (TextLimits.RefuseOnCard(comment, TextLimits.Comment, t => t.Comment, state.Language) is { } tooLong)
        {
            return tooLong;
        }
        var actor = state.RequirePerson();
        var result = await book.AnswerAsync(actor, data.AgreementId, to, comment, AgreementAudiences.TellsGroup(data.Audience), PressedCard.Of(context), ct);
        return result.Outcome switch
        {
            // Not theirs answers as "not there", so an answer tells nobody which agreements exist.
            AnswerOutcome.NotFound or AnswerOutcome.NotAllowed => CardActionResult.Refuse(texts.AgreementGone),
            AnswerOutcome.Closed => CardActionResult.Refuse(texts.AlreadyClosed),
            AnswerOutcome.NotAnOwner => CardActionResult.Refuse(texts.OnlyOwnAnswer),
            // Every tap answers: a change says what it did (with undo for the owner's own answer), a repeat shows how it stands.
            AnswerOutcome.Changed => CardActionResult.UpdateCard(await cards.DrawAsync(data.View, result.Agreement!, actor.Id,
                cards.Answered(result.Agreement!, to, result.ChangeId, data.View, state.Language), state.Language, ct)),
            _ => CardActionResult.UpdateCard(await cards.DrawAsync(data.View, result.Agreement!, actor.Id, null, state.Language, ct)),
        };
    }

    /// <summary>Whether the reader sent regrets for the agreement's due session, so their copy keeps saying so.</summary>
    internal static async Task<bool> RegrettedAsync(AttendanceQueries attendance, long personId, AgreementView agreement, CancellationToken ct) =>
        agreement.DueSession is { } session && await attendance.HasRegretsAsync(personId, session.Id, ct);
}

/// <summary>The undo button of an answer card: takes the owner's own answer back within the window, or says it is too late.</summary>
internal sealed class UndoAgreementAction(AgreementBook book, AnswerCards cards, TurnState state) : CardActionHandler<UndoData>
{
    public override string Verb => AgreementVerbs.Undo;

    protected override async Task<CardActionResult> HandleAsync(CardActionContext context, UndoData data, CancellationToken ct)
    {
        var actor = state.RequirePerson();
        var result = await book.UndoAsync(actor, data.AgreementId, data.ChangeId, PressedCard.Of(context), ct);
        if (result.Agreement is not { } agreement)
        {
            return CardActionResult.Refuse(AgreementTexts.All.For(state.Language).AgreementGone);
        }
        var notice = result.Outcome switch
        {
            UndoOutcome.Undone => cards.Undone(agreement, actor.Id, state.Language),
            UndoOutcome.TooLate => cards.TooLate(state.Language),
            _ => null,
        };
        return CardActionResult.UpdateCard(await cards.DrawAsync(data.View, agreement, actor.Id, notice, state.Language, ct));
    }
}

/// <summary>Teams asks for the current card when an owner opens a reminder: each sees their own answer and the group's latest count.</summary>
internal sealed class RefreshAgreementAction(AgreementQueries queries, Communities.CommunityDirectory access, AttendanceQueries attendance, TurnState state) : CardActionHandler<RefreshData>
{
    public override string Verb => AgreementVerbs.Refresh;

    protected override async Task<CardActionResult> HandleAsync(CardActionContext context, RefreshData data, CancellationToken ct)
    {
        var texts = AgreementTexts.All.For(state.Language);
        var agreement = await queries.ViewAsync(data.AgreementId, ct);
        var actor = state.RequirePerson();
        if (agreement is null || (agreement.Owners.All(o => o.Id != actor.Id) && !await access.IsMemberAsync(actor, agreement.CommunityId, ct)))
        {
            return CardActionResult.Refuse(texts.AgreementGone);
        }
        return CardActionResult.UpdateCard(ReminderCard.Build(agreement, state.Language, viewerId: actor.Id,
            regretted: await AnswerAgreementAction.RegrettedAsync(attendance, actor.Id, agreement, ct)));
    }
}
