using CommunityBot.Bot;
using CommunityBot.Localization;
using CommunityBot.Schedule;
using CommunityBot.Teams.Cards;

namespace CommunityBot.SessionAttendance;

/// <summary><c>attendance.comeafterall</c>: "I can come after all" takes the regrets back; the coach is told.</summary>
internal sealed class TakeBackRegretsAction(RegretBook book, RegretViews views, TurnState state, TimeProvider clock) : CardActionHandler<RegretData>
{
    public override string Verb => AttendanceVerbs.TakeBackRegrets;

    protected override async Task<CardActionResult> HandleAsync(CardActionContext context, RegretData data, CancellationToken ct)
    {
        var actor = state.RequirePerson();
        var result = await book.TakeBackAsync(actor, data.SessionId, ct);
        var note = result.Session is { } session
            ? AttendanceTexts.All.For(state.Language).ComingAfterAll(Formats.DayAndTime(session.StartsAt, LocalClock.Zone(session.Community.TimeZone), state.Language, clock.GetUtcNow()))
            : null;
        return await views.AnswerAsync(actor, data, result, regretted: false, note, ct);
    }
}
