using CommunityBot.Bot;
using CommunityBot.Limits;
using CommunityBot.Localization;
using CommunityBot.Schedule;

namespace CommunityBot.Communities.Participation;

/// <summary><c>pauze tot 15/3 [reden]</c> / <c>pause until 15 March [reason]</c>, or <c>pauze</c> alone: no reminders or check-ins for a while.</summary>
internal sealed class PauseCommand(MemberParticipation participation, TimeProvider clock) : IBotCommand
{
    public IReadOnlyList<string> Triggers { get; } = ["pauze", "pauzeer", "pause"];

    public bool RunsOnGuess => false;

    public CommandHelp Help(Language language)
    {
        var texts = ParticipationTexts.All.For(language);
        return new CommandHelp(texts.PauseCommand, texts.PauseWhat) { Audience = CommandAudience.Member, Topic = CommandTopic.Community, Example = language == Language.English ? "pause until 15 March ill" : "pauze tot 15/3 ziek" };
    }

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var texts = ParticipationTexts.All.For(context.Language);
        // In a channel the whole group would read the answer: a pause stays between the member and the coach.
        if (!context.InPersonalChat)
        {
            await context.Turn.ReplyTextAsync(texts.OnlyInPersonalChat, cancellationToken);
            return;
        }
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(LocalClock.ToLocal(now, LocalClock.Zone(null)));
        if (!PauseRequest.TryParse(context.TypedArguments, today, out var request))
        {
            await context.Turn.ReplyTextAsync(texts.DateNotUnderstood, cancellationToken);
            return;
        }
        if (TextLimits.Length(request.Reason) is var length && length > TextLimits.PauseReason)
        {
            await context.Turn.ReplyTextAsync(LimitTexts.All.For(context.Language).TooLong(
                t => t.Reason, TextLimits.PauseReason, length, context.Language, onCard: false), cancellationToken);
            return;
        }
        var result = await participation.PauseAsync(context.State.RequirePerson(), request, cancellationToken);
        var names = string.Join(", ", result.Communities.Select(c => c.Name));
        var reply = result.Outcome switch
        {
            ParticipationOutcome.NotAMember => texts.NotInAnyCommunity,
            ParticipationOutcome.DateInPast => texts.DateInPast,
            _ when request.LastDay is { } day => string.Format(texts.PausedUntil, names,
                MemberParticipation.DayOf(day, result.Communities[0], context.Language, now),
                MemberParticipation.DayOf(day.AddDays(1), result.Communities[0], context.Language, now)),
            _ => string.Format(texts.PausedOpen, names),
        };
        if (result.Outcome == ParticipationOutcome.Done && request.Reason is not null)
        {
            reply += " " + texts.ReasonKept;
        }
        await context.Turn.ReplyTextAsync(reply, cancellationToken);
    }
}
