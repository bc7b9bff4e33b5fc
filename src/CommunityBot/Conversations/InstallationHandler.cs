using CommunityBot.Bot;
using CommunityBot.Delivery;
using CommunityBot.Storage;
using CommunityBot.Teams.Hosting;
using CommunityBot.Teams.Schema;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Conversations;

/// <summary>
/// Install and uninstall in a personal chat, group chat or team: the conversation reference is stored for
/// later proactive messages, and the bot greets once with a welcome card.
/// </summary>
public sealed class InstallationHandler(AppDbContext db, TimeProvider clock, TurnState state, ILogger<InstallationHandler> logger)
{
    public static bool IsInstall(Activity activity) => activity.Type switch
    {
        ActivityTypes.InstallationUpdate => activity.Action is InstallationActions.Add or InstallationActions.AddUpgrade,
        ActivityTypes.ConversationUpdate => activity.MembersAdded?.Any(m => m.Id == activity.Recipient?.Id) == true,
        _ => false,
    };

    public static bool IsUninstall(Activity activity) => activity.Type switch
    {
        ActivityTypes.InstallationUpdate => activity.Action is InstallationActions.Remove,
        ActivityTypes.ConversationUpdate => activity.MembersRemoved?.Any(m => m.Id == activity.Recipient?.Id) == true,
        _ => false,
    };

    public async Task OnInstalledAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var conversation = await RememberAsync(turn.Activity, cancellationToken);
        await ForgetUnreachableAsync(conversation, cancellationToken);
        // Teams announces an install twice; only installationUpdate greets, so the greeting does not depend on
        // which of the two arrives first (they differ, e.g. in locale).
        if (turn.Activity.Type != ActivityTypes.InstallationUpdate
            || !await ClaimWelcomeAsync(conversation.Id, clock.GetUtcNow(), cancellationToken))
        {
            return;
        }
        var card = BotCards.Welcome(state.Language, conversation.Kind == ConversationKind.Channel);
        var sent = await turn.ReplyAsync(Activity.CreateCard(card.ToAttachment(), BotTexts.All.For(state.Language).WelcomeTitle), cancellationToken);
        if (!sent.IsSuccess)
        {
            await ClaimWelcomeAsync(conversation.Id, null, cancellationToken);
        }
        ConversationsLog.Installed(logger, conversation.Id, conversation.Kind, sent.Outcome);
    }

    /// <summary>
    /// Teams may redeliver the install event, possibly at once: whoever flips WelcomedAt first greets.
    /// A failed greeting releases the claim so a later install event can greet.
    /// </summary>
    private async Task<bool> ClaimWelcomeAsync(long conversationRowId, DateTimeOffset? welcomedAt, CancellationToken cancellationToken)
    {
        var rows = db.Conversations.Where(c => c.Id == conversationRowId);
        rows = welcomedAt is null ? rows : rows.Where(c => c.WelcomedAt == null);
        return await rows.ExecuteUpdateAsync(set => set.SetProperty(c => c.WelcomedAt, welcomedAt), cancellationToken) == 1;
    }

    /// <summary>Someone who blocked or removed the bot and installs it again can be reached again.</summary>
    private Task ForgetUnreachableAsync(Conversation conversation, CancellationToken cancellationToken)
    {
        List<string> keys = [UnreachableRecipient.KeyFor(conversation.Id, null)];
        if (conversation.PersonId is { } personId)
        {
            keys.Add(UnreachableRecipient.KeyFor(null, personId));
        }
        return db.Set<UnreachableRecipient>().Where(r => keys.Contains(r.RecipientKey)).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Marks the conversation removed: the one of the activity's tenant, never another tenant's of the same id.</summary>
    public async Task OnUninstalledAsync(Activity activity, CancellationToken cancellationToken)
    {
        var tenantId = activity.TenantId ?? "";
        var conversationId = activity.Conversation?.Id;
        var rowId = await db.Conversations
            .Where(c => c.TenantId == tenantId && c.ConversationId == conversationId && c.RemovedAt == null)
            .Select(c => (long?)c.Id).SingleOrDefaultAsync(cancellationToken);
        if (rowId is { } id && await db.Conversations.Where(c => c.Id == id && c.RemovedAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.RemovedAt, clock.GetUtcNow()), cancellationToken) == 1)
        {
            ConversationsLog.Uninstalled(logger, id);
        }
    }

    /// <summary>
    /// Stores or refreshes the conversation of the activity's tenant (insert-or-get: Teams sends installationUpdate and
    /// conversationUpdate together). A conversation removed earlier comes back, and is greeted again.
    /// </summary>
    private async Task<Conversation> RememberAsync(Activity activity, CancellationToken cancellationToken)
    {
        var reference = activity.GetConversationReference();
        var tenantId = reference.TenantId ?? "";
        var now = clock.GetUtcNow();
        var kind = Conversation.KindOf(activity);
        var teamId = reference.TeamId;
        var channelId = reference.ChannelIdInTeam ?? (teamId is null ? null : reference.ConversationId);
        var botId = reference.Bot?.Id;
        var personId = kind == ConversationKind.Personal ? state.RealPerson?.Id : null;
        await db.InsertOrIgnoreAsync(new Conversation
        {
            TenantId = tenantId,
            ConversationId = reference.ConversationId,
            ServiceUrl = reference.ServiceUrl,
            Kind = kind,
            TeamId = teamId,
            ChannelId = channelId,
            BotId = botId,
            PersonId = personId,
            InstalledAt = now,
        }, cancellationToken);
        var row = db.Conversations.Where(c => c.TenantId == tenantId && c.ConversationId == reference.ConversationId);
        await row.Where(c => c.RemovedAt != null).ExecuteUpdateAsync(set => set
            .SetProperty(c => c.RemovedAt, (DateTimeOffset?)null)
            .SetProperty(c => c.WelcomedAt, (DateTimeOffset?)null)
            .SetProperty(c => c.InstalledAt, now), cancellationToken);
        await row.ExecuteUpdateAsync(set => set
            .SetProperty(c => c.ServiceUrl, reference.ServiceUrl)
            .SetProperty(c => c.Kind, kind)
            .SetProperty(c => c.TeamId, teamId)
            .SetProperty(c => c.ChannelId, channelId)
            .SetProperty(c => c.BotId, botId)
            .SetProperty(c => c.PersonId, c => personId ?? c.PersonId), cancellationToken);
        return await row.AsNoTracking().SingleAsync(cancellationToken);
    }
}
