using CommunityBot.Bot;
using CommunityBot.Communities;
using CommunityBot.Conversations;
using CommunityBot.Localization;

namespace CommunityBot.Agreements;

/// <summary>
/// <c>overzicht</c> / <c>overview</c>: for a coach, coach-the-coach or admin, one overview card per community they run;
/// in a team's channel only that team's community. Not in a group chat, where people of other communities read along.
/// </summary>
internal sealed class CoachOverviewCommand(CommunityDirectory directory, CoachOverview overview) : IBotCommand
{
    public IReadOnlyList<string> Triggers { get; } = ["overzicht", "overview", "coach overzicht", "coach overview"];

    public CommandHelp Help(Language language)
    {
        var texts = CoachOverviewTexts.All.For(language);
        return new CommandHelp(texts.Command, texts.What) { Audience = CommandAudience.Coach | CommandAudience.CoachTheCoach | CommandAudience.Admin };
    }

    public async Task HandleAsync(CommandContext context, CancellationToken ct)
    {
        var texts = CoachOverviewTexts.All.For(context.Language);
        // Personal chat only: beside the channel's summary (owners by name) even counts say who asked help.
        if (!context.InPersonalChat)
        {
            await context.Turn.ReplyTextAsync(texts.NotHere, ct);
            return;
        }
        var viewer = context.State.RequirePerson();
        var communities = await directory.RunByAsync(viewer, context.Turn.Activity.TeamId, ct);
        if (communities.Count == 0)
        {
            await context.Turn.ReplyTextAsync(texts.OnlyCoaches, ct);
            return;
        }
        foreach (var community in communities)
        {
            if (await overview.CardAsync(viewer, community.Id, context.Turn.Activity.TeamId, context.InPersonalChat, null, context.Language, ct) is { } card)
            {
                await context.Turn.ReplyCardAsync(card, ct);
            }
        }
    }
}
