using CommunityBot.Delivery;
using CommunityBot.Testing;
using CommunityBot.Tests.Delivery;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace CommunityBot.Tests.Conversations;

public sealed class ReinstallTests
{
    [Fact]
    public async Task A_person_who_blocked_the_bot_and_installs_it_again_gets_messages_again()
    {
        await using var app = await BotApplication.StartAsync();
        await app.PostAsync(app.Teams.InstallPersonal());
        await app.Connector.WaitForActivitiesAsync(1, TimeSpan.FromSeconds(10));
        var chat = await app.QueryAsync(db => db.Conversations.SingleAsync());
        app.Connector.SetConversationState(chat.ConversationId, FakeConversationState.Blocked);
        await app.EnqueueAsync(DeliveryTesting.TextTo(chat, "while-blocked"));
        await app.AdvanceUntilAsync(app.AllSettledAsync, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(30));
        (await app.QueryAsync(db => db.Set<UnreachableRecipient>().CountAsync())).ShouldBe(1);

        app.Connector.SetConversationState(chat.ConversationId, FakeConversationState.Active);
        await app.PostAsync(app.Teams.InstallPersonal());
        await app.EnqueueAsync(DeliveryTesting.TextTo(chat, "after-reinstall"));
        await app.AdvanceUntilAsync(app.AllSettledAsync, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(30));

        (await app.QueryAsync(db => db.Set<UnreachableRecipient>().CountAsync())).ShouldBe(0);
        app.AcceptedTexts().ShouldContainKey("after-reinstall");
    }
}
