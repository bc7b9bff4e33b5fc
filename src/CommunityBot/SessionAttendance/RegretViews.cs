using CommunityBot.Agreements;
using CommunityBot.Bot;
using CommunityBot.Communities;
using CommunityBot.People;
using CommunityBot.Schedule;
using CommunityBot.Teams.Cards;

namespace CommunityBot.SessionAttendance;

/// <summary>What a regrets press answers: the card it was pressed on, redrawn, or why nothing changed.</summary>
internal sealed class RegretViews(AgreementQueries agreements, CommunityDirectory access, TurnState state, TimeProvider clock)
{
    public async Task<CardActionResult> AnswerAsync(Person actor, RegretData data, RegretResult result, bool regretted, string? note, CancellationToken ct)
    {
        var texts = AttendanceTexts.All.For(state.Language);
        if (result.Outcome is not (RegretOutcome.Changed or RegretOutcome.Unchanged))
        {
            return CardActionResult.Refuse(result.Outcome switch
            {
                RegretOutcome.NotAhead => texts.SessionNotAhead,
                _ => texts.UnknownSession,
            });
        }
        var session = result.Session!;
        // The agreement id comes from the card: it only chooses what to draw, and only an agreement of this session
        // that the actor may see.
        if (data.View == RegretCardViews.Reminder && data.AgreementId is { } agreementId
            && await agreements.ViewAsync(agreementId, ct) is { } agreement
            && agreement.DueSession?.Id == session.Id
            && await access.IsMemberAsync(actor, agreement.CommunityId, ct))
        {
            return CardActionResult.UpdateCard(ReminderCard.Build(agreement, state.Language, viewerId: actor.Id, regretted: regretted));
        }
        var regretSession = new RegretSession(session.Id, session.Community.Name, session.StartsAt, LocalClock.Zone(session.Community.TimeZone));
        return CardActionResult.UpdateCard(RegretCard.Build(regretSession, regretted, clock.GetUtcNow(), state.Language, note));
    }
}
