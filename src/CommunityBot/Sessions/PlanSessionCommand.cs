using CommunityBot.Bot;
using CommunityBot.Bot.Understanding;
using CommunityBot.Communities;
using CommunityBot.Localization;
using CommunityBot.Teams.Cards;

namespace CommunityBot.Sessions;

/// <summary>
/// <c>plan session</c> / <c>sessie plannen</c>: the planning card. In a team's channel for that team's community; in a
/// personal chat for the community the person coaches, or a choice when they coach several. A date and time typed
/// after the trigger fill in the form.
/// </summary>
internal sealed class PlanSessionCommand(CommunityDirectory communities, SessionPlanner planner, TimeProvider clock) : IBotCommand
{
    public IReadOnlyList<string> Triggers { get; } = ["plan session", "plan a session", "sessie plannen", "plan sessie", "plan een sessie"];

    public CommandHelp Help(Language language)
    {
        var texts = SessionTexts.All.For(language);
        return new CommandHelp(texts.PlanCommand, texts.PlanWhat) { Audience = CommandAudience.Coach | CommandAudience.CoachTheCoach | CommandAudience.Admin, Topic = CommandTopic.Coaching };
    }

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var texts = SessionTexts.All.For(context.Language);
        var actor = context.State.RequirePerson();
        var teamId = context.Turn.Activity.TeamId;
        if (teamId is not null)
        {
            var community = await communities.OfTeamAsync(actor.TenantId, teamId, cancellationToken);
            var outcome = await planner.AuthorizeCommunityAsync(actor, community?.Id, cancellationToken);
            await (outcome.Kind == SessionOutcomeKind.Saved
                ? context.Turn.ReplyCardAsync(FormFor(outcome.Community!, context), cancellationToken)
                : context.Turn.ReplyTextAsync(outcome.Kind == SessionOutcomeKind.NotAllowed ? texts.NotCoachOfThis : texts.UnknownCommunity, cancellationToken));
            return;
        }
        var managed = await communities.RunByAsync(actor, null, cancellationToken);
        await (managed.Count switch
        {
            0 => context.Turn.ReplyTextAsync(texts.NotACoach, cancellationToken),
            1 => context.Turn.ReplyCardAsync(FormFor(managed[0], context), cancellationToken),
            _ => context.Turn.ReplyCardAsync(SessionCards.PickCommunity(managed, context.Language, Prefill(context.Arguments, SessionTime.Today(clock, managed[0].TimeZone))), cancellationToken),
        });
    }

    private AdaptiveCard FormFor(Community community, CommandContext context)
    {
        var today = SessionTime.Today(clock, community.TimeZone);
        return SessionCards.Form(community, null, Prefill(context.Arguments, today), [], context.Language, today);
    }

    /// <summary>"sessie plannen volgende woensdag om 15u30": the date and time typed after the trigger, in the form's own formats.</summary>
    internal static SessionForm? Prefill(string arguments, DateOnly today) =>
        WhenText.Find(TextWords.Of(arguments), today) is { } when && (when.Date is not null || when.Time is not null)
            ? new SessionForm
            {
                Date = when.Date is { } date ? DateInput.Format(date) : null,
                Time = when.Time is { } time ? TimeInput.Format(time) : null,
            }
            : null;
}
