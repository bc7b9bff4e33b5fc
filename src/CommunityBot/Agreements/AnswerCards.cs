using CommunityBot.Localization;
using CommunityBot.SessionAttendance;
using CommunityBot.Teams.Cards;
using Microsoft.Extensions.Options;

namespace CommunityBot.Agreements;

/// <summary>Redraws the card an answer or undo button sat on (a reminder, or the "my agreements" list) with what the tap did.</summary>
internal sealed class AnswerCards(AgreementQueries queries, AttendanceQueries attendance, TimeProvider clock, IOptions<AgreementsOptions> options)
{
    public async Task<AdaptiveCard> DrawAsync(string view, AgreementView agreement, long viewerId, AnswerNotice? notice, Language language, CancellationToken ct)
    {
        if (view == AgreementCardViews.Mine)
        {
            var mine = await queries.OpenForOwnerAsync(viewerId, ct);
            // The item just answered keeps its place, saying what happened, instead of vanishing from the list.
            IReadOnlyList<AgreementView> list = mine.Any(a => a.Id == agreement.Id) ? mine
                : [.. mine.Append(agreement).OrderBy(a => a.DueSession?.StartsAt ?? DateTimeOffset.MaxValue).ThenBy(a => a.Id)];
            return MyAgreementsCard.Build(list, language, viewerId, notice is null ? null : (agreement.Id, notice));
        }
        var regretted = await AnswerAgreementAction.RegrettedAsync(attendance, viewerId, agreement, ct);
        return ReminderCard.Build(agreement, language, viewerId: viewerId, regretted: regretted, notice: notice);
    }

    /// <summary>After an owner's own answer: what it did, and the undo button until the window closes.</summary>
    public AnswerNotice Answered(AgreementView agreement, AgreementStatus to, long? changeId, string view, Language language)
    {
        var texts = AnswerNoticeTexts.All.For(language);
        if (changeId is not { } id)
        {
            return new AnswerNotice(texts.Answered(to), Good: true);
        }
        var until = Formats.Time(clock.GetUtcNow() + options.Value.UndoWindow, agreement.Zone, language);
        return new AnswerNotice(texts.Answered(to), Good: true, new UndoOffer(new UndoData(agreement.Id, id, view), texts.Undo, texts.UndoUntil(until)));
    }

    public AnswerNotice Undone(AgreementView agreement, long viewerId, Language language) =>
        new(AnswerNoticeTexts.All.For(language).Undone(AgreementTexts.All.For(language).Status(agreement.AnswerOf(viewerId)?.Status ?? agreement.Status)), Good: true);

    public AnswerNotice TooLate(Language language) =>
        new(AnswerNoticeTexts.All.For(language).TooLate((int)options.Value.UndoWindow.TotalMinutes), Good: false);
}
