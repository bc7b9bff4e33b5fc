using CommunityBot.Bot;
using CommunityBot.Localization;
using CommunityBot.Teams.Schema;

namespace CommunityBot.Agreements;

/// <summary>"mijn afspraken" / "my agreements".</summary>
internal sealed class MyAgreementsCommand(AgreementQueries queries) : IBotCommand
{
    public IReadOnlyList<string> Triggers { get; } = ["mijn afspraken", "my agreements"];

    public CommandHelp Help(Language language)
    {
        var texts = AgreementTexts.All.For(language);
        return new CommandHelp(texts.MyCommand, texts.MyWhat) { Audience = CommandAudience.Member, Topic = CommandTopic.Agreements };
    }

    public async Task HandleAsync(CommandContext context, CancellationToken ct)
    {
        var person = context.State.RequirePerson();
        var mine = await queries.OpenForOwnerAsync(person.Id, ct);
        var card = MyAgreementsCard.Build(mine, context.Language, person.Id);
        await context.Turn.ReplyAsync(Activity.CreateCard(card.ToAttachment()), ct);
    }
}
