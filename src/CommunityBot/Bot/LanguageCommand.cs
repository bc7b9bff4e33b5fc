using CommunityBot.Localization;
using CommunityBot.People;
using CommunityBot.Tenants;

namespace CommunityBot.Bot;

internal sealed class LanguageCommand(PersonDirectory people, ITenantSettings tenants) : IBotCommand
{
    public IReadOnlyList<string> Triggers { get; } = ["language", "taal", "lang"];

    public CommandHelp Help(Language language)
    {
        var texts = BotTexts.All.For(language);
        return new CommandHelp(texts.LanguageCommand, texts.LanguageWhat) { Audience = CommandAudience.Everyone, Topic = CommandTopic.General, Example = language == Language.English ? "language en" : "taal en" };
    }

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (!Languages.TryParse(context.Arguments, out var chosen))
        {
            await context.Turn.ReplyTextAsync(BotTexts.All.For(context.Language).LanguageUsage, cancellationToken);
            return;
        }
        var person = context.State.RequireRealPerson();
        if (!(await tenants.ForTenantAsync(person.TenantId, cancellationToken)).Languages.Contains(chosen))
        {
            await context.Turn.ReplyTextAsync(TenantSettingsTexts.All.For(context.Language).LanguageNotOffered, cancellationToken);
            return;
        }
        await people.SetLanguageAsync(person, chosen, cancellationToken);
        context.State.Language = chosen;
        await context.Turn.ReplyTextAsync(BotTexts.All.For(chosen).LanguageChanged, cancellationToken);
    }
}
