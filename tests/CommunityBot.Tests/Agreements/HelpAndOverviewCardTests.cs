using CommunityBot.Agreements;
using CommunityBot.Localization;
using CommunityBot.Sessions;
using CommunityBot.Teams.Cards;
using CommunityBot.Testing;
using Xunit;

namespace CommunityBot.Tests.Agreements;

public sealed class HelpAndOverviewCardTests
{
    private static readonly TimeZoneInfo Brussels = TimeZoneInfo.FindSystemTimeZoneById("Europe/Brussels");
    private static readonly DateTimeOffset Now = new(2026, 3, 24, 9, 0, 0, TimeSpan.Zero);

    private static AgreementView Agreement(long id, string text, SessionRef? due, params (string Name, AgreementStatus Status)[] owners)
    {
        var people = owners.Select((o, i) => new PersonRef(id * 10 + i, o.Name, null)).ToList();
        return new AgreementView(id, 7, "Wiskunde eerste graad", Brussels, AgreementKind.Finish, text, AgreementStatus.Open, false, people, false, [], due, null)
        {
            ReadAt = Now,
            Route = new CommunityRoute("tenant", null, Language.Dutch),
            Answers = [.. people.Select((p, i) => new OwnerAnswer(p, owners[i].Status, null, null))],
        };
    }

    [Fact]
    public void Every_help_thread_and_overview_card_is_valid_in_both_languages()
    {
        var past = new SessionRef(1, new DateTimeOffset(2026, 3, 23, 15, 0, 0, TimeSpan.Zero), "Lokaal 12", null, 1);
        var next = new SessionRef(2, new DateTimeOffset(2026, 4, 20, 14, 0, 0, TimeSpan.Zero), "Aula", null, 1);
        IReadOnlyList<AgreementView> agreements =
        [
            Agreement(1, "Lesvoorbereiding H3 afwerken", past, ("Megan Bowen", AgreementStatus.NeedHelp), ("Adele Vance", AgreementStatus.WontMakeIt), ("Tom Claes", AgreementStatus.Done)),
            Agreement(2, "Oefenbundel meebrengen", next, ("Tom Claes", AgreementStatus.Open)),
            Agreement(3, "Toets herwerken met de vakgroep", null, ("Sara Janssens", AgreementStatus.Open), ("Megan Bowen", AgreementStatus.Open)),
        ];
        var asked = new HelpMessage(1, "Lesvoorbereiding H3 afwerken", "Wiskunde eerste graad", 11, "Megan Bowen", "Welk hoofdstuk bedoelen we?");
        var reply = asked with { ChangeId = 12, From = "Lien Coach", Words = "Hoofdstuk 3 van het nieuwe handboek; de map staat in Bestanden." };
        var cards = new Dictionary<string, AdaptiveCard>();
        foreach (var language in new[] { Language.Dutch, Language.English })
        {
            var code = language == Language.English ? "en" : "nl";
            var help = HelpTexts.All.For(language);
            cards[$"overview-{code}"] = CoachOverviewCard.Build("Wiskunde eerste graad", 7, agreements, showNames: true, null, Now, language);
            cards[$"overview-counts-{code}"] = CoachOverviewCard.Build("Wiskunde eerste graad", 7, agreements, showNames: false, "2", Now, language);
            cards[$"overview-empty-{code}"] = CoachOverviewCard.Build("Wiskunde eerste graad", 7, [], showNames: true, null, Now, language);
            cards[$"help-asked-{code}"] = HelpCards.ForCoach(asked, asked: true, "fallback", language);
            cards[$"help-asked-no-comment-{code}"] = HelpCards.ForCoach(asked with { Words = null }, asked: true, "fallback", language);
            cards[$"help-reply-{code}"] = HelpCards.ForOwner(reply, language);
            cards[$"help-answered-back-{code}"] = HelpCards.ForCoach(asked with { ChangeId = 13, Words = "Gevonden, dank je!" }, asked: false, "fallback", language);
            cards[$"help-sent-{code}"] = HelpCards.Answered(asked, HelpCards.Heading(asked, AgreementChangeKind.Answer, language), help.SentTo("Megan Bowen"), reply.Words!, language);
        }

        CardValidator.AssertAllValid(cards);
    }
}
