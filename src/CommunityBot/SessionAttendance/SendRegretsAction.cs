using CommunityBot.Bot;
using CommunityBot.Teams.Cards;

namespace CommunityBot.SessionAttendance;

/// <summary><c>attendance.regret</c>: "I can't come", on the regrets card or a reminder, with an optional reason for the coach.</summary>
internal sealed class SendRegretsAction(RegretBook book, RegretViews views, TurnState state) : CardActionHandler<RegretData>
{
    public override string Verb => AttendanceVerbs.SendRegrets;

    protected override async Task<CardActionResult> HandleAsync(CardActionContext context, RegretData data, CancellationToken ct)
    {
        var actor = state.RequirePerson();
        var result = await book.SendAsync(actor, data.SessionId, context.Input(RegretCard.ReasonInputId(data.SessionId)), ct);
        return await views.AnswerAsync(actor, data, result, regretted: true, note: null, ct);
    }
}
