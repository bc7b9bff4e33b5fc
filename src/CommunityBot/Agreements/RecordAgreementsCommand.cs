using CommunityBot.Bot;
using CommunityBot.Communities;
using CommunityBot.Localization;
using CommunityBot.Teams.Schema;

namespace CommunityBot.Agreements;

/// <summary>"afspraken noteren" / "record agreements": the recording card for each community the coach runs.</summary>
internal sealed class RecordAgreementsCommand(CommunityDirectory communities, AgreementBook book, RecordCardLoader cards) : IBotCommand
{
    public IReadOnlyList<string> Triggers { get; } = ["afspraken noteren", "record agreements"];

    public CommandHelp Help(Language language)
    {
        var texts = AgreementTexts.All.For(language);
        return new CommandHelp(texts.RecordCommand, texts.RecordWhat) { Audience = CommandAudience.Coach | CommandAudience.CoachTheCoach | CommandAudience.Admin, Topic = CommandTopic.Coaching };
    }

    public async Task HandleAsync(CommandContext context, CancellationToken ct)
    {
        var managed = await communities.RunByAsync(context.State.RequirePerson(), context.Turn.Activity.TeamId, ct);
        if (managed.Count == 0)
        {
            await context.Turn.ReplyTextAsync(AgreementTexts.All.For(context.Language).NotACoach, ct);
            return;
        }
        foreach (var community in managed)
        {
            var madeAt = await book.LastStartedSessionAsync(community.Id, ct);
            var card = await cards.BuildAsync(community.Id, madeAt?.Id, context.Language, null, ct);
            await context.Turn.ReplyAsync(Activity.CreateCard(card.ToAttachment()), ct);
        }
    }
}
