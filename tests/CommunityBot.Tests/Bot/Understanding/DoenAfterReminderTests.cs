using CommunityBot.Agreements;
using CommunityBot.Testing;
using CommunityBot.Tests.Delivery;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.Agreements.AgreementWorld;

namespace CommunityBot.Tests.Bot.Understanding;

/// <summary>"Doen!" ("I will do it") right after a reminder is close to "done" but must not mark the agreement done.</summary>
public sealed class DoenAfterReminderTests
{
    private static readonly DateTimeOffset SevenDaysBefore = new(2026, 3, 16, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Doen_after_a_reminder_does_not_mark_the_agreement_done()
    {
        await using var app = await BotApplication.StartAsync();
        var world = await CreateAsync(app);
        await world.RecordViaCardAsync("Finish", "Lesvoorbereiding H3 afwerken", $"{world.Id(Megan)}");
        await world.AtAsync<ReminderSweep>(SevenDaysBefore);
        await app.AdvanceUntilAsync(() => app.Connector.SentActivities.Count(r => r.ConversationId?.Contains(Megan.Id, StringComparison.Ordinal) == true) >= 1, TimeSpan.FromMilliseconds(250), TimeSpan.FromMinutes(5));

        await app.PostAsync(app.Teams.Message("Doen!", Megan));
        await app.AdvanceUntilAsync(app.AllSettledAsync, TimeSpan.FromMilliseconds(250), TimeSpan.FromMinutes(5));

        var owner = await app.QueryAsync(db => db.Agreements.SelectMany(a => a.Owners).SingleAsync(o => o.PersonId == world.Id(Megan)));
        owner.Status.ShouldBe(AgreementStatus.Open);
    }
}
