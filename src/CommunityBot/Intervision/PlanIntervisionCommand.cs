using CommunityBot.Bot;
using CommunityBot.Localization;
using CommunityBot.Schedule;
using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Intervision;

/// <summary>"intervisie plannen" / "plan intervision": the coach-the-coach proposes an intervision for each group they lead.</summary>
internal sealed class PlanIntervisionCommand(AppDbContext db, IntervisionProposer proposer, TimeProvider clock) : IBotCommand
{
    public IReadOnlyList<string> Triggers { get; } = ["intervisie plannen", "plan intervision", "plan intervisie"];

    public CommandHelp Help(Language language)
    {
        var texts = IntervisionTexts.All.For(language);
        return new CommandHelp(texts.PlanCommand, texts.PlanWhat) { Audience = CommandAudience.CoachTheCoach, Topic = CommandTopic.Intervision };
    }

    public async Task HandleAsync(CommandContext context, CancellationToken ct)
    {
        var texts = IntervisionTexts.All.For(context.Language);
        // The report names whose calendar could not be read: between the coach-the-coach and the bot.
        if (!context.InPersonalChat)
        {
            await context.Turn.ReplyTextAsync(texts.PersonalChatOnly, ct);
            return;
        }
        var actor = context.State.RequirePerson();
        var groups = await db.Set<IntervisionGroup>().AsNoTracking()
            .Where(g => g.TenantId == actor.TenantId && g.CoachTheCoachId == actor.Id).OrderBy(g => g.Name).ToListAsync(ct);
        if (groups.Count == 0)
        {
            await context.Turn.ReplyTextAsync(texts.LeadsNoGroup, ct);
            return;
        }
        foreach (var group in groups)
        {
            // A vote that closed waits for this coach-the-coach: the confirm card again, here, rather than "under way"
            // (their copy may be far up the chat, or, in the playground acting as someone, in a chat nobody sees).
            var awaiting = await db.Set<IntervisionProposal>().AsNoTracking()
                .Where(p => p.GroupId == group.Id && p.State == ProposalState.AwaitingConfirmation).Select(p => (long?)p.Id).SingleOrDefaultAsync(ct);
            if (awaiting is { } proposalId && await ProposalView.LoadAsync(db, proposalId, clock.GetUtcNow(), ct) is { } view)
            {
                await context.Turn.ReplyCardAsync(ConfirmCard.Build(view, context.Language), ct);
                continue;
            }
            var result = await proposer.ProposeAsync(group.Id, ct);
            await context.Turn.ReplyTextAsync(IntervisionReport.Text(result, group.Name, texts, context.Language, LocalClock.Zone(group.TimeZone), clock.GetUtcNow()), ct);
        }
    }
}
