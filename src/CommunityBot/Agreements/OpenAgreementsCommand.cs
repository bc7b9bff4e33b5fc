using CommunityBot.Bot;
using CommunityBot.Communities;
using CommunityBot.Localization;
using CommunityBot.Teams.Schema;

namespace CommunityBot.Agreements;

/// <summary>"open afspraken" / "open agreements": per community the coach runs, the agreements not closed yet.</summary>
internal sealed class OpenAgreementsCommand(CommunityDirectory communities, CloseLoopCards cards) : IBotCommand
{
    public IReadOnlyList<string> Triggers { get; } = ["open afspraken", "open agreements"];

    public CommandHelp Help(Language language)
    {
        var texts = CloseLoopTexts.All.For(language);
        return new CommandHelp(texts.OpenCommand, texts.OpenWhat);
    }

    public async Task HandleAsync(CommandContext context, CancellationToken ct)
    {
        var managed = await communities.RunByAsync(context.State.RequirePerson(), context.Turn.Activity.TeamId, ct);
        if (managed.Count == 0)
        {
            await context.Turn.ReplyTextAsync(CloseLoopTexts.All.For(context.Language).OnlyCoach, ct);
            return;
        }
        foreach (var community in managed)
        {
            var card = await cards.OpenAsync(community.Id, context.Language, null, ct);
            await context.Turn.ReplyAsync(Activity.CreateCard(card.ToAttachment()), ct);
        }
    }
}
