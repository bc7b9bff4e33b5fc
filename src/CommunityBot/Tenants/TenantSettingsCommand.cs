using CommunityBot.Bot;
using CommunityBot.Localization;

namespace CommunityBot.Tenants;

/// <summary>
/// <c>instellingen</c> / <c>settings</c>: the tenant admin's settings card, in the personal chat only (a channel would
/// show the school group's policy to everyone in it). Anyone else gets the same refusal, whatever they typed after it.
/// </summary>
internal sealed class TenantSettingsCommand(TenantSettingsEditor editor) : IBotCommand
{
    public IReadOnlyList<string> Triggers { get; } = ["instellingen", "settings"];

    public CommandHelp Help(Language language)
    {
        var texts = TenantSettingsTexts.All.For(language);
        return new CommandHelp(texts.Command, texts.What) { Audience = CommandAudience.Admin };
    }

    public async Task HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var texts = TenantSettingsTexts.All.For(context.Language);
        var outcome = await editor.ShowAsync(context.State.RequirePerson(), cancellationToken);
        if (outcome.View is not { } view)
        {
            await context.Turn.ReplyTextAsync(texts.NotAllowed, cancellationToken);
            return;
        }
        if (!context.InPersonalChat)
        {
            await context.Turn.ReplyTextAsync(texts.PersonalChatOnly, cancellationToken);
            return;
        }
        await context.Turn.ReplyCardAsync(TenantSettingsCard.Build(view, context.Language), cancellationToken);
    }
}
