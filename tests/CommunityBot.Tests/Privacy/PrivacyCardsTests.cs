using CommunityBot.Localization;
using CommunityBot.People;
using CommunityBot.Privacy;
using CommunityBot.Teams.Cards;
using CommunityBot.Testing;
using Xunit;

namespace CommunityBot.Tests.Privacy;

/// <summary>The erasure and export cards in both languages, through the official renderer (and kept for screenshots).</summary>
public sealed class PrivacyCardsTests
{
    [Fact]
    public void The_erasure_and_export_cards_are_valid_in_both_languages()
    {
        var person = new Person { Id = 7, TenantId = TeamsActivities.TenantId, DisplayName = "Megan Bowen" };
        var cards = new Dictionary<string, AdaptiveCard>();
        foreach (var (language, tag) in new[] { (Language.Dutch, "nl"), (Language.English, "en") })
        {
            cards[$"privacy-erase-{tag}"] = EraseCard.Build(person, language);
            cards[$"privacy-export-{tag}"] = ExportCard.Build("https://bot.example.org/privacy/export/token", language);
        }

        CardValidator.AssertAllValid(cards);
    }
}
