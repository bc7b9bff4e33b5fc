using CommunityBot.Delivery;
using CommunityBot.Sessions;
using CommunityBot.Tests.Agreements;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.Agreements.AgreementWorld;

namespace CommunityBot.Tests.Sessions;

/// <summary>The planning form and its confirmation promise a message in the channel only where one is linked.</summary>
public sealed class ChannelPromiseTests
{
    [Theory]
    [InlineData(true, "De groep krijgt een bericht in het kanaal.", 1)]
    [InlineData(false, "Er is geen kanaal gekoppeld — alleen jij ziet dit.", 0)]
    public async Task Planning_a_session_promises_the_channel_message_only_when_a_channel_is_linked(bool linked, string promise, int announcements)
    {
        await using var app = await BotApplication.StartAsync();
        var world = await CreateAsync(app);
        if (!linked)
        {
            await app.QueryAsync(db => db.Communities.ExecuteUpdateAsync(s => s.SetProperty(c => c.ChannelConversationId, (long?)null)));
        }

        await app.PostAsync(app.Teams.Message("sessie plannen", Coach));
        await app.Connector.WaitForActivitiesAsync(1, TimeSpan.FromSeconds(10));
        world.LastReplyCard().ShouldContain(promise);
        var planned = await app.InvokeAsync(app.Teams.Execute(SessionVerbs.Plan,
            new { communityId = world.CommunityId, save = true, date = "2026-04-28", time = "15:30", location = "Lokaal 12" }, "card-1", Coach));

        var confirmation = CardJson(planned);
        confirmation.ShouldContain("Sessie gepland");
        if (linked)
        {
            confirmation.ShouldNotContain("Er is geen kanaal gekoppeld");
        }
        else
        {
            confirmation.ShouldContain(promise);
        }
        (await app.QueryAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.Purpose == SessionAnnouncer.Purpose))).ShouldBe(announcements);
    }
}
