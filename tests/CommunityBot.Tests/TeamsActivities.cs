using System.Text.Json;
using CommunityBot.Teams.Schema;
using CommunityBot.Testing;

namespace CommunityBot.Tests;

/// <summary>Activities shaped like the ones Teams sends (see the TestData fixtures of the protocol tests).</summary>
public sealed class TeamsActivities(string serviceUrl)
{
    public const string TenantId = FakeTeamsConnector.DefaultTenantId;
    public const string BotId = "28:communitybot";
    public const string TeamId = "19:team-general@thread.tacv2";

    public static readonly ChannelAccount Teacher = new() { Id = "29:teacher-1", Name = "Leen Peeters", AadObjectId = "aad-teacher-1" };
    public static readonly ChannelAccount Colleague = new() { Id = "29:teacher-2", Name = "Tom Claes", AadObjectId = "aad-teacher-2" };
    public static readonly ChannelAccount Third = new() { Id = "29:teacher-3", Name = "Sara Janssens", AadObjectId = "aad-teacher-3" };

    public const string TeamName = "Wiskunde 1e graad";

    /// <summary>A roster entry as Teams' paged members returns it: with e-mail and UPN.</summary>
    public static ChannelAccount OnRoster(ChannelAccount user) => new()
    {
        Id = user.Id,
        Name = user.Name,
        AadObjectId = user.AadObjectId,
        Email = $"{user.AadObjectId}@school.be",
        UserPrincipalName = $"{user.AadObjectId}@school.be",
    };

    public static string PersonalChatOf(ChannelAccount user) => $"a:personal-{user.Id}";

    private int nextId;

    public Activity InstallPersonal(ChannelAccount? user = null, string locale = "nl-BE")
    {
        var from = user ?? Teacher;
        var activity = Base(ActivityTypes.InstallationUpdate, from, Personal(from), locale);
        activity.Action = InstallationActions.Add;
        return activity;
    }

    public Activity BotAddedToPersonal(ChannelAccount? user = null, string locale = "nl-BE")
    {
        var from = user ?? Teacher;
        var activity = Base(ActivityTypes.ConversationUpdate, from, Personal(from), locale);
        activity.MembersAdded = [new ChannelAccount { Id = BotId }];
        return activity;
    }

    public Activity UninstallPersonal(ChannelAccount? user = null)
    {
        var from = user ?? Teacher;
        var activity = Base(ActivityTypes.InstallationUpdate, from, Personal(from), "nl-BE");
        activity.Action = InstallationActions.Remove;
        return activity;
    }

    public Activity InstallInTeam(ChannelAccount? installer = null)
    {
        var activity = Base(ActivityTypes.InstallationUpdate, installer ?? Teacher, Channel(), "nl-BE");
        activity.Action = InstallationActions.Add;
        activity.ChannelData = TeamData(null);
        return activity;
    }

    public Activity BotAddedToTeam(ChannelAccount? installer = null)
    {
        var activity = Base(ActivityTypes.ConversationUpdate, installer ?? Teacher, Channel(), "nl-BE");
        activity.MembersAdded = [new ChannelAccount { Id = BotId }];
        activity.ChannelData = TeamData("teamMemberAdded");
        return activity;
    }

    /// <summary>Someone added people to the team the bot is in (Teams sends ids and Entra object ids only).</summary>
    public Activity MembersAddedToTeam(params ChannelAccount[] members)
    {
        var activity = Base(ActivityTypes.ConversationUpdate, Teacher, Channel(), "nl-BE");
        activity.MembersAdded = [.. members.Select(m => new ChannelAccount { Id = m.Id, AadObjectId = m.AadObjectId })];
        activity.ChannelData = TeamData("teamMemberAdded");
        return activity;
    }

    public Activity MembersRemovedFromTeam(params ChannelAccount[] members)
    {
        var activity = Base(ActivityTypes.ConversationUpdate, Teacher, Channel(), "nl-BE");
        activity.MembersRemoved = [.. members.Select(m => new ChannelAccount { Id = m.Id, AadObjectId = m.AadObjectId })];
        activity.ChannelData = TeamData("teamMemberRemoved");
        return activity;
    }

    public Activity Message(string text, ChannelAccount? user = null, string locale = "nl-BE")
    {
        var from = user ?? Teacher;
        var activity = Base(ActivityTypes.Message, from, Personal(from), locale);
        activity.Text = text;
        activity.TextFormat = "plain";
        return activity;
    }

    public Activity ChannelMention(string text, ChannelAccount? user = null)
    {
        var activity = Base(ActivityTypes.Message, user ?? Teacher, Channel(), "nl-BE");
        activity.Text = $"<at>CommunityBot</at> {text}";
        activity.TextFormat = "plain";
        activity.ChannelData = TeamData(null);
        return activity;
    }

    /// <summary>An Action.Execute press on a card the bot sent earlier (<paramref name="cardActivityId"/>).</summary>
    public Activity Execute(string verb, object data, string cardActivityId, ChannelAccount? user = null, string locale = "nl-BE")
    {
        var from = user ?? Teacher;
        var activity = Base(ActivityTypes.Invoke, from, Personal(from), locale);
        activity.Name = InvokeNames.AdaptiveCardAction;
        activity.ReplyToId = cardActivityId;
        activity.Value = JsonSerializer.SerializeToElement(new
        {
            action = new { type = "Action.Execute", verb, data },
            trigger = "manual",
        }, TeamsJson.Options);
        return activity;
    }

    /// <summary>An Action.Submit press: a message with the button's data as value and no text.</summary>
    public Activity Submit(string verb, object data, string cardActivityId, ChannelAccount? user = null)
    {
        var from = user ?? Teacher;
        var activity = Base(ActivityTypes.Message, from, Personal(from), "nl-BE");
        activity.ReplyToId = cardActivityId;
        var value = JsonSerializer.SerializeToNode(data, TeamsJson.Options)!.AsObject();
        value["verb"] = verb;
        activity.Value = JsonSerializer.SerializeToElement(value, TeamsJson.Options);
        return activity;
    }

    private Activity Base(string type, ChannelAccount from, ConversationAccount conversation, string locale) => new()
    {
        Type = type,
        Id = $"f:{Interlocked.Increment(ref nextId)}-{Guid.NewGuid():N}",
        Timestamp = BotApplication.Start,
        ServiceUrl = serviceUrl,
        ChannelId = "msteams",
        From = from,
        Recipient = new ChannelAccount { Id = BotId, Name = "CommunityBot" },
        Conversation = conversation,
        Locale = locale,
        ChannelData = new TeamsChannelData { Tenant = new TenantInfo { Id = TenantId } },
    };

    private static ConversationAccount Personal(ChannelAccount user) =>
        new() { Id = PersonalChatOf(user), ConversationType = ConversationTypes.Personal, TenantId = TenantId };

    private static ConversationAccount Channel() =>
        new() { Id = TeamId, ConversationType = ConversationTypes.Channel, IsGroup = true, TenantId = TenantId };

    private static TeamsChannelData TeamData(string? eventType) => new()
    {
        Tenant = new TenantInfo { Id = TenantId },
        Team = new TeamInfo { Id = TeamId, Name = TeamName, AadGroupId = "aad-group-1" },
        Channel = new ChannelInfo { Id = TeamId, Name = "General" },
        EventType = eventType,
    };
}
