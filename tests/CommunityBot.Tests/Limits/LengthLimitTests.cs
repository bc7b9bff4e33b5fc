using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.Agreements.AgreementWorld;

namespace CommunityBot.Tests.Limits;

/// <summary>An agreement's text has a limit a teacher never reaches (500 characters); beyond it a clear answer, and nothing stored.</summary>
public sealed class LengthLimitTests
{
    [Fact]
    public async Task A_forged_card_with_an_agreement_text_over_500_characters_gets_a_clear_answer_and_nothing_is_stored()
    {
        await using var app = await BotApplication.StartAsync();
        var world = await CreateAsync(app);

        var refused = await world.RecordViaCardAsync("Finish", new string('x', 501), $"{world.Id(Megan)}");
        var accepted = await world.RecordViaCardAsync("Finish", new string('y', 500), $"{world.Id(Megan)}");

        MessageText(refused).ShouldBe("Een afspraak is hoogstens 500 tekens lang, dus ik heb niets bewaard. Maak ze korter.");
        (await app.QueryAsync(db => db.Agreements.Select(a => a.Text).ToListAsync())).ShouldBe([new string('y', 500)]);
        CardJson(accepted).ShouldContain("Genoteerd");
    }

    [Fact]
    public async Task A_typed_agreement_over_500_characters_gets_a_clear_answer_in_English_and_nothing_is_stored()
    {
        await using var app = await BotApplication.StartAsync();
        var world = await CreateAsync(app);

        await app.PostAsync(app.Teams.Message($"agreement finish @Megan: {new string('x', 501)}", Coach, "en-US"));

        world.LastReplyText().ShouldBe("An agreement is at most 500 characters long, so I saved nothing. Please make it shorter.");
        (await app.QueryAsync(db => db.Agreements.CountAsync())).ShouldBe(0);
    }
}
