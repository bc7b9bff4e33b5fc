using CommunityBot.Agreements;
using CommunityBot.Bot.Understanding;
using CommunityBot.Localization;
using CommunityBot.Schedule;
using CommunityBot.Teams.Cards;
using CommunityBot.Testing;
using Xunit;

namespace CommunityBot.Tests.Bot.Understanding;

public sealed class UnderstandingCardsTests
{
    private static readonly TimeZoneInfo Brussels = LocalClock.Zone("Europe/Brussels");
    private static readonly SessionRef Next = new(2, new DateTimeOffset(2026, 3, 23, 15, 0, 0, TimeSpan.Zero), "Lokaal 12", null, 1);
    private static readonly PersonRef Megan = new(11, "Megan Bowen", "29:megan");

    private static AgreementView Agreement(long id, string text) =>
        new(id, 1, "Wiskunde eerste graad", Brussels, AgreementKind.Review, text, AgreementStatus.Open, false, [Megan], false, [], Next, null) { ReadAt = BotApplication.Start, Route = new("tenant", null, Language.Dutch) };

    [Fact]
    public void Every_card_of_guessing_greeting_and_typed_done_is_valid_in_both_languages()
    {
        Dictionary<string, AdaptiveCard> cards = [];
        foreach (var language in Enum.GetValues<Language>())
        {
            var tag = language.CardLang();
            cards[$"did-you-mean-{tag}"] = UnderstandingCards.DidYouMean([new("community", ""), new("mijn check-ins", "")], language);
            cards[$"not-understood-{tag}"] = UnderstandingCards.NotUnderstood([new("sessie plannen", ""), new("sessies", ""), new("volgende sessie", "")], language);
            cards[$"not-understood-nothing-near-{tag}"] = UnderstandingCards.NotUnderstood([new("help", "")], language);
            cards[$"greeting-{tag}"] = UnderstandingCards.Greeting("Hallo Megan! 👋", [new("mijn afspraken", ""), new("volgende sessie", "")], language);
            cards[$"greeting-coach-{tag}"] = UnderstandingCards.Greeting("Hallo Lien! 👋", [new("afspraken noteren", ""), new("open afspraken", ""), new("volgende sessie", "")], language);
            cards[$"chosen-{tag}"] = UnderstandingCards.Chosen(new("digest", "nu"), language);
            cards[$"done-which-{tag}"] = TypedDoneCommand.WhichOne([Agreement(1, "Lesvoorbereiding H3 afwerken"), Agreement(2, "Het artikel van Hattie lezen")], language);
            cards[$"done-offer-{tag}"] = TypedDoneCommand.Offer(Agreement(2, "Het artikel van Hattie lezen"), language);
        }

        CardValidator.AssertAllValid(cards);
    }
}
