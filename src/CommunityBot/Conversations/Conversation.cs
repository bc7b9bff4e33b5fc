using CommunityBot.Teams.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityBot.Conversations;

public enum ConversationKind
{
    Personal,
    GroupChat,
    Channel,
}

/// <summary>
/// A conversation the bot was installed in, with everything needed to write to it later.
/// Kept in the database, so proactive messages survive restarts and scale-out.
/// </summary>
public sealed class Conversation
{
    public long Id { get; set; }
    public required string TenantId { get; set; }
    public required string ConversationId { get; set; }
    public required string ServiceUrl { get; set; }
    public ConversationKind Kind { get; set; }
    public string? TeamId { get; set; }
    public string? ChannelId { get; set; }
    public string? BotId { get; set; }

    /// <summary>For personal chats: the user on the other side.</summary>
    public long? PersonId { get; set; }

    public DateTimeOffset InstalledAt { get; set; }
    public DateTimeOffset? RemovedAt { get; set; }

    /// <summary>Set when the welcome card went out, so the two install activities Teams sends greet once.</summary>
    public DateTimeOffset? WelcomedAt { get; set; }

    public bool IsActive => RemovedAt is null;

    public ConversationReference ToReference() => new()
    {
        ServiceUrl = ServiceUrl,
        ConversationId = ConversationId,
        ConversationType = Kind switch
        {
            ConversationKind.Personal => ConversationTypes.Personal,
            ConversationKind.GroupChat => ConversationTypes.GroupChat,
            _ => ConversationTypes.Channel,
        },
        TenantId = TenantId,
        Bot = BotId is null ? null : new ChannelAccount { Id = BotId },
        TeamId = TeamId,
        ChannelIdInTeam = ChannelId,
    };

    public static ConversationKind KindOf(Activity activity) => activity.Conversation?.ConversationType switch
    {
        ConversationTypes.Personal => ConversationKind.Personal,
        ConversationTypes.GroupChat => ConversationKind.GroupChat,
        ConversationTypes.Channel => ConversationKind.Channel,
        _ when activity.TeamId is not null => ConversationKind.Channel,
        _ when activity.Conversation?.IsGroup == true => ConversationKind.GroupChat,
        _ => ConversationKind.Personal,
    };
}

internal sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> builder)
    {
        builder.Property(c => c.TenantId).HasMaxLength(MaxLengths.TenantId);
        builder.Property(c => c.ConversationId).HasMaxLength(MaxLengths.ConversationId);
        builder.Property(c => c.ServiceUrl).HasMaxLength(MaxLengths.ServiceUrl);
        builder.Property(c => c.TeamId).HasMaxLength(MaxLengths.ConversationId);
        builder.Property(c => c.ChannelId).HasMaxLength(MaxLengths.ConversationId);
        builder.Property(c => c.BotId).HasMaxLength(MaxLengths.UserId);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
        // Conversation and team ids are looked up within a tenant only, so one tenant's activity never finds another's row.
        builder.HasIndex(c => new { c.TenantId, c.ConversationId }).IsUnique();
        builder.HasIndex(c => new { c.TenantId, c.TeamId });
        builder.HasIndex(c => c.PersonId);
    }
}
