using CommunityBot.Bot;
using CommunityBot.Limits;
using CommunityBot.Teams.Cards;

namespace CommunityBot.SessionAttendance;

/// <summary><c>attendance.regret</c>: "I can't come", on the regrets card or a reminder, with an optional reason for the coach.</summary>
internal sealed class SendRegretsAction(RegretBook book, RegretViews views, TurnState state) : CardActionHandler<RegretData>
{
    public override string Verb => AttendanceVerbs.SendRegrets;

    protected override async Task<CardActionResult> HandleAsync(CardActionContext context, RegretData data, CancellationToken ct)
    {
        var reason = context.Input(RegretCard.ReasonInputId(data.SessionId));
        if (TextLimits.RefuseOnCard(reason, TextLimits.RegretReason, t => t.Reason, state.Language) is { } tooLong)
        {
            return tooLong;
        }
        var actor = state.RequirePerson();
        var result = await book.SendAsync(actor, data.SessionId, reason, ct);
        return await views.AnswerAsync(actor, data, result, regretted: true, note: null, ct);
    }
}
