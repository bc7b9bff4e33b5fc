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

    public async Task OnUninstalledAsync(Activity activity, CancellationToken cancellationToken)
    {
        var conversationId = activity.Conversation?.Id;
        var conversation = await db.Conversations.SingleOrDefaultAsync(c => c.ConversationId == conversationId, cancellationToken);
        if (conversation is { RemovedAt: null })
        {
            conversation.RemovedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            ConversationsLog.Uninstalled(logger, conversation.Id);
        }
    }

    private async Task<Conversation> RememberAsync(Activity activity, CancellationToken cancellationToken)
    {
        var reference = activity.GetConversationReference();
        var conversation = await db.Conversations.SingleOrDefaultAsync(c => c.ConversationId == reference.ConversationId, cancellationToken);
        var now = clock.GetUtcNow();
        if (conversation is null)
        {
            conversation = new Conversation
            {
                TenantId = reference.TenantId ?? "",
                ConversationId = reference.ConversationId,
                ServiceUrl = reference.ServiceUrl,
                InstalledAt = now,
            };
            db.Conversations.Add(conversation);
        }
        else if (conversation.RemovedAt is not null)
        {
            conversation.RemovedAt = null;
            conversation.WelcomedAt = null;
            conversation.InstalledAt = now;
        }
        conversation.ServiceUrl = reference.ServiceUrl;
        conversation.Kind = Conversation.KindOf(activity);
        conversation.TeamId = reference.TeamId;
        conversation.ChannelId = reference.ChannelIdInTeam ?? (reference.TeamId is null ? null : reference.ConversationId);
        conversation.BotId = reference.Bot?.Id;
        conversation.PersonId = conversation.Kind == ConversationKind.Personal ? state.RealPerson?.Id : null;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return conversation;
        }
        catch (DbUpdateException)
        {
            // Teams sends installationUpdate and conversationUpdate together: the other one stored the row first.
            db.Entry(conversation).State = EntityState.Detached;
            return await db.Conversations.SingleAsync(c => c.ConversationId == reference.ConversationId, cancellationToken);
        }
    }
}
