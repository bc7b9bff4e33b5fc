using CommunityBot.Agreements;
using CommunityBot.Localization;
using CommunityBot.Schedule;
using CommunityBot.Teams.Cards;
using CommunityBot.Testing;
using Xunit;

namespace CommunityBot.Tests.Agreements;

public sealed class CloseLoopCardsTests
{
    private static readonly TimeZoneInfo Brussels = LocalClock.Zone("Europe/Brussels");
    private static readonly SessionRef Held = new(1, new DateTimeOffset(2026, 2, 26, 15, 0, 0, TimeSpan.Zero), "Lokaal 12", null, 1);
    private static readonly SessionRef Next = new(2, new DateTimeOffset(2026, 3, 23, 15, 0, 0, TimeSpan.Zero), "Lokaal 12", null, 1);
    private static readonly PersonRef Megan = new(11, "Megan Bowen", "29:megan");
    private static readonly PersonRef Adele = new(12, "Adele Vance", "29:adele");
    private static readonly PersonRef Tom = new(13, "Tom Claes", "29:tom");

    /// <summary>Owners Megan and Adele (and Tom for the whole group), answering in that order; the status is derived from them.</summary>
    private static AgreementView Agreement(long id, SessionRef? due, params AgreementStatus[] answers)
    {
        PersonRef[] owners = answers.Length > 2 ? [Megan, Adele, Tom] : [Megan, Adele];
        return new(id, 1, "Wiskunde eerste graad", Brussels, AgreementKind.Finish, $"Afspraak {id}", CommunityBot.Agreements.Agreement.Derive(answers),
            answers.Length > 2, owners, false, answers.Length > 2 ? [] : [Tom], due, null)
        {
            ReadAt = BotApplication.Start,
            Route = new CommunityRoute("tenant", null, Language.Dutch),
            Answers = [.. owners.Zip(answers, (owner, answer) => new OwnerAnswer(owner, answer, null, null))],
        };
    }

    [Fact]
    public void Every_close_the_loop_open_list_and_edit_card_is_valid_in_both_languages()
    {
        AgreementView[] all =
        [
            Agreement(1, Next, AgreementStatus.Done, AgreementStatus.Open),
            Agreement(2, Next, AgreementStatus.Done, AgreementStatus.Done),
            Agreement(3, Next, AgreementStatus.Done, AgreementStatus.Done, AgreementStatus.WontMakeIt),
            Agreement(4, Held, AgreementStatus.Open, AgreementStatus.NeedHelp),
        ];
        Dictionary<string, AdaptiveCard> cards = [];
        foreach (var language in Enum.GetValues<Language>())
        {
            var tag = language.CardLang();
            cards[$"loop-{tag}"] = CloseLoopCard.Build(new CloseLoopModel(2, "Wiskunde eerste graad", Brussels, Next.StartsAt, all, Next with { Id = 3, StartsAt = new DateTimeOffset(2026, 5, 4, 14, 0, 0, TimeSpan.Zero) }, BotApplication.Start), language, "Afgesloten");
            cards[$"loop-no-next-{tag}"] = CloseLoopCard.Build(new CloseLoopModel(2, "Wiskunde eerste graad", Brussels, Next.StartsAt, [], null, BotApplication.Start), language);
            cards[$"open-{tag}"] = OpenAgreementsCard.Build("Wiskunde eerste graad", [all[0], all[2], all[3]], language);
            cards[$"open-none-{tag}"] = OpenAgreementsCard.Build("Wiskunde eerste graad", [], language, "Geschrapt");
            cards[$"edit-{tag}"] = EditAgreementCard.Build(new EditCardModel(all[0], [Megan, Adele, Tom], [Next], 2), language);
            cards[$"edit-whole-group-past-due-{tag}"] = EditAgreementCard.Build(new EditCardModel(all[3] with { WholeGroup = true, WholeGroupDepends = true }, [Megan, Adele, Tom], [], null), language);
        }

        CardValidator.AssertAllValid(cards);
    }
}
