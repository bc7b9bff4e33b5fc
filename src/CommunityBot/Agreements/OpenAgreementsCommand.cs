using CommunityBot.Bot;
using CommunityBot.Communities;
using CommunityBot.Delivery;
using CommunityBot.Localization;
using CommunityBot.Teams.Schema;

namespace CommunityBot.Agreements;

/// <summary>
/// "open afspraken" / "open agreements": per community the coach runs, the agreements not closed yet. The list shows
/// who asked for help, so typed in a channel it goes to the coach's personal chat, never into the channel.
/// </summary>
internal sealed class OpenAgreementsCommand(CommunityDirectory communities, CloseLoopCards cards, Outbox outbox) : IBotCommand
{
    public IReadOnlyList<string> Triggers { get; } = ["open afspraken", "open agreements"];

    public CommandHelp Help(Language language)
    {
        var texts = CloseLoopTexts.All.For(language);
        return new CommandHelp(texts.OpenCommand, texts.OpenWhat) { Audience = CommandAudience.Coach | CommandAudience.CoachTheCoach | CommandAudience.Admin, Topic = CommandTopic.Coaching };
    }

    public async Task HandleAsync(CommandContext context, CancellationToken ct)
    {
        var texts = CloseLoopTexts.All.For(context.Language);
        var coach = context.State.RequirePerson();
        var managed = await communities.RunByAsync(coach, context.Turn.Activity.TeamId, ct);
        if (managed.Count == 0)
        {
            await context.Turn.ReplyTextAsync(texts.OnlyCoach, ct);
            return;
        }
        // Anywhere but the coach's own chat (a channel, a group chat) others would read who asked for help.
        var inChannel = !context.InPersonalChat;
        foreach (var community in managed)
        {
            var card = await cards.OpenAsync(community.Id, context.Language, null, ct);
            if (inChannel)
            {
                await outbox.EnqueueAsync(new OutgoingMessage
                {
                    DedupeKey = $"open-agreements:{context.Turn.Activity.Id}:{community.Id}",
                    TenantId = community.TenantId,
                    PersonId = coach.Id,
                    Card = card,
                    Purpose = "open-agreements",
                    Priority = DeliveryPriority.Interactive,
                }, ct);
            }
            else
            {
                await context.Turn.ReplyAsync(Activity.CreateCard(card.ToAttachment()), ct);
            }
        }
        if (inChannel)
        {
            await context.Turn.ReplyTextAsync(texts.OpenSentPersonally, ct);
        }
    }
}
