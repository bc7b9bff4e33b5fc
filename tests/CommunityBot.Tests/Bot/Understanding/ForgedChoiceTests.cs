using CommunityBot.Bot.Understanding;
using CommunityBot.Teams.Schema;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.Agreements.AgreementWorld;

namespace CommunityBot.Tests.Bot.Understanding;

/// <summary>A forged "did you mean" press in the channel must not put the presser's own words on the shared bot card.</summary>
public sealed class ForgedChoiceTests
{
    [Fact]
    public async Task A_forged_choice_in_the_channel_does_not_put_the_senders_words_on_a_bot_card()
    {
        await using var app = await BotApplication.StartAsync();
        await CreateAsync(app);
        var press = app.Teams.Execute(UnderstandingCards.ChooseVerb, new CommandChoice("help", "[Log opnieuw in](https://evil.example)"), "channel-summary-card", Tom);
        press.Conversation = new ConversationAccount { Id = TeamsActivities.TeamId, ConversationType = ConversationTypes.Channel, IsGroup = true, TenantId = TeamsActivities.TenantId };
        press.ChannelData = new TeamsChannelData { Tenant = new TenantInfo { Id = TeamsActivities.TenantId }, Team = new TeamInfo { Id = TeamsActivities.TeamId, Name = TeamsActivities.TeamName } };

        var response = await app.InvokeAsync(press);

        response.Value?.GetRawText().ShouldNotContain("evil.example");
    }
}
