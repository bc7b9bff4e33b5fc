using CommunityBot.Agreements;
using CommunityBot.Teams.Schema;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.Agreements.AgreementWorld;

namespace CommunityBot.Tests.Agreements;

/// <summary>The channel's summary names each agreement's owners, so the overview's counts in the channel must not say who asked help.</summary>
public sealed class OverviewChannelTests
{
    [Fact]
    public async Task The_channel_overview_does_not_tell_the_group_that_the_single_owner_asked_help()
    {
        var app = await BotApplication.StartAsync();
        await using var __ = app;
        var world = await CreateAsync(app);
        await world.RecordViaCardAsync("Provide", "Oefenbundel meebrengen", $"{world.Id(Tom)}");
        var id = await app.QueryAsync(db => db.Agreements.Select(a => a.Id).SingleAsync());
        await app.InvokeAsync(app.Teams.Execute(AgreementVerbs.Answer, new AnswerData(id, AgreementAnswers.NeedHelp, AgreementCardViews.Reminder), "r-1", Tom));

        await app.PostAsync(app.Teams.ChannelMention("overzicht", Coach));
        await app.Connector.WaitUntilAsync(() => app.Connector.ActivitiesIn(TeamsActivities.TeamId).Values.Any(a => a.Text?.Contains("in je eigen chat", StringComparison.Ordinal) == true), TimeSpan.FromSeconds(10));

        // The group's summary card (SummaryCard.Item) names Tom as the one owner, so any count would say Tom asked help.
        app.Connector.ActivitiesIn(TeamsActivities.TeamId).Values.Select(a => a.Attachments?.FirstOrDefault()?.Content?.GetRawText()).OfType<string>()
            .ShouldNotContain(c => c.Contains("Overzicht van", StringComparison.Ordinal) || c.Contains("hulp nodig", StringComparison.Ordinal));
    }
}
