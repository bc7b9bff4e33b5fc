using CommunityBot.Digests;
using CommunityBot.Localization;
using CommunityBot.Teams.Cards;
using CommunityBot.Testing;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.Agreements.AgreementWorld;
using static CommunityBot.Tests.Digests.DigestSamples;

namespace CommunityBot.Tests.Digests;

/// <summary>The weekly digest as cards, from digests built by hand: what a leader and a coach read, and the size limit.</summary>
public sealed class DigestCardsTests
{
    private static string Text(AdaptiveCard card) => Readable(card.ToJson());

    [Theory]
    [InlineData(Language.Dutch, "Weekoverzicht 23 – 29 november", "1 van 3 gemeenschappen vraagt aandacht",
        "⚠ Geen sessie binnen het ritme · Geen volgende sessie gepland · 3 afspraken te laat", "Fase gewijzigd: 2 → 3 · Thema's kiezen en organiseren",
        "3 sessies dit schooljaar · norm: minstens 5", "Laatste sessie 7 weken geleden · norm: om de 6 weken", "Volgende sessie: dinsdag 8 december, 18:30",
        "Aanwezig: 5 van 6 · niet opgenomen · 6 van 6", "Afspraken: 4 gemaakt · 2 klaar · 1 doorgeschoven · 1 geschrapt", "Afspraken: 3 te laat",
        "Geen afspraken deze week", "Check-in: respons 100%", "Cohesie 3,8 ↑", "Check-in: loopt nog · vorige: niet genoeg antwoorden", "Check-in: loopt nog", "Meer details")]
    [InlineData(Language.English, "Your week, 23 – 29 November", "1 of 3 communities needs attention",
        "⚠ No session within its rhythm · No next session planned · 3 agreements overdue", "Phase changed: 2 → 3 · Themes chosen and organised",
        "3 sessions this school year · norm: at least 5", "Last session 7 weeks ago · norm: every 6 weeks", "Next session: Tuesday 8 December, 18:30",
        "Present: 5 of 6 · not recorded · 6 of 6", "Agreements: 4 made · 2 done · 1 carried over · 1 dropped", "Agreements: 3 overdue",
        "No agreements this week", "Check-in: response rate 100%", "Cohesion 3.8 ↑", "Check-in: still open · last one: not enough answers", "Check-in: still open", "More detail")]
    public void A_leader_reads_each_community_with_the_one_needing_attention_first_and_no_names_of_teachers(
        Language language, string title, string attention, string points, string phase, string perYear, string everyWeeks, string next,
        string present, string agreements, string overdue, string none, string rate, string trend, string suppressed, string open, string button)
    {
        var digest = For(DigestAudience.Leader, language, Healthy(1), Struggling(2), Quiet(3, "STEM derde graad"));

        var card = DigestCards.Build(digest).ShouldHaveSingleItem();

        CardValidator.AssertValid(card, $"digest-leader-{language}");
        var text = Text(card);
        foreach (var expected in new[] { title, attention, points, phase, perYear, everyWeeks, next, present, agreements, overdue, none, rate, trend, suppressed, open, button })
        {
            text.ShouldContain(expected);
        }
        text.IndexOf("Nederlands tweede graad", StringComparison.Ordinal).ShouldBeLessThan(text.IndexOf("Wiskunde eerste graad", StringComparison.Ordinal));
        // "No next session" is an attention point of the struggling community, said once, not again as its next session.
        (text.Split(language == Language.Dutch ? "Geen volgende sessie gepland" : "No next session planned").Length - 1).ShouldBe(1);
        text.ShouldNotContain("0 van 0");
        text.ShouldNotContain("0 of 0");
        // A suppressed round shows no number at all: the struggling community's section has no rate beside it.
        text.ShouldNotContain("80%");
        // The data carries names for a coach; a leader's card shows none of them.
        foreach (var name in new[] { "Megan Bowen", "Adele Vance", "Isaiah Langer", "Patti Fernandez", "Leesteksten verzamelen" })
        {
            text.ShouldNotContain(name);
        }
        card.Body.OfType<Container>().SelectMany(c => c.Items).OfType<LineChart>().ShouldHaveSingleItem().Data.Count.ShouldBe(5);
    }

    [Fact]
    public void A_coach_sees_who_owns_overdue_agreements_and_who_was_absent()
    {
        var digest = For(DigestAudience.Coach, Language.Dutch, Struggling(2), Healthy(1));

        var card = DigestCards.Build(digest).ShouldHaveSingleItem();

        CardValidator.AssertValid(card, "digest-coach");
        var text = Text(card);
        text.ShouldContain("Te laat: “Leesteksten verzamelen” — Patti Fernandez, Isaiah Langer (tegen 12/10)");
        text.ShouldContain("Afwezig op de laatste sessie: Adele Vance, Isaiah Langer");
        text.ShouldContain("Afwezig op de laatste sessie: Megan Bowen");
    }

    [Fact]
    public void The_year_shows_only_when_the_week_is_not_this_year()
    {
        // The title names the days from the previous digest to the day before this one (07:30 in Brussels in winter).
        static DigestPeriod Week(DateOnly monday) => new(
            monday, new DateTimeOffset(monday.AddDays(-7).ToDateTime(new TimeOnly(6, 30)), TimeSpan.Zero), new DateTimeOffset(monday.ToDateTime(new TimeOnly(6, 30)), TimeSpan.Zero));

        var digest = For(DigestAudience.Leader, Language.Dutch, Healthy(1)) with
        {
            Period = Week(new DateOnly(2027, 1, 4)),
        };

        Text(DigestCards.Build(digest).Single()).ShouldContain("Weekoverzicht 28 december 2026 – 3 januari 2027");
        Text(DigestCards.Build(For(DigestAudience.Leader, Language.Dutch, Healthy(1)), new DateOnly(2027, 2, 1)).Single())
            .ShouldContain("Weekoverzicht 23 – 29 november 2026");
        Text(DigestCards.Build(For(DigestAudience.Leader, Language.English, Healthy(1)) with { Period = Week(new DateOnly(2026, 12, 7)) }).Single())
            .ShouldContain("Your week, 30 November – 6 December");
    }

    [Fact]
    public void With_more_than_three_communities_each_is_one_line_that_opens_on_a_tap()
    {
        var card = DigestCards.Build(For(DigestAudience.Leader, Language.Dutch, Many(5))).ShouldHaveSingleItem();

        var rows = card.Body.OfType<Container>().Where(c => c.SelectAction is ToggleVisibilityAction).ToList();
        rows.Count.ShouldBe(5);
        foreach (var row in rows)
        {
            var target = ((ToggleVisibilityAction)row.SelectAction!).TargetElements.ShouldHaveSingleItem();
            card.Body.OfType<Container>().Single(c => c.Id == target).IsVisible.ShouldBe(false);
        }
        // The communities that need attention come first, with their first point on the visible line.
        ((TextBlock)rows[0].Items[0]).Text.ShouldBe("Nederlands eerste graad · GO! Campus Kompas Mechelen");
        ((TextBlock)rows[0].Items[1]).Text.ShouldBe("⚠ Geen sessie binnen het ritme (+2)");
        ((TextBlock)rows[1].Items[1]).Text.ShouldBe("Fase 4 · volgende sessie: 8/12");
        Text(card).ShouldContain("1 van 5 gemeenschappen vraagt aandacht");
        // One community gets a chart, the rest stay short enough for a phone.
        card.Body.OfType<Container>().SelectMany(c => c.Items).OfType<LineChart>().Count().ShouldBe(1);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(60)]
    [InlineData(300)]
    public void However_many_communities_every_card_is_valid_under_the_limit_and_every_community_appears(int count)
    {
        var digest = For(DigestAudience.Coach, Language.Dutch, Many(count));

        var cards = DigestCards.Build(digest);

        CardValidator.AssertAllValid(cards.Select((c, i) => (c, i)).ToDictionary(p => $"digest-{count}-part-{p.i + 1}", p => p.c));
        cards.ShouldAllBe(c => DigestCards.Size(c) < 28 * 1024);
        var all = string.Concat(cards.Select(Text));
        foreach (var community in digest.Communities)
        {
            all.ShouldContain($"\"{community.Name}\"");
            // Its own button, or a choice of the one "Meer details over…".
            (all.Contains($"\"communityId\":{community.CommunityId}}}") || all.Contains($"\"value\":\"{community.CommunityId}\"")).ShouldBeTrue(community.Name);
        }
        if (cards.Count > 1)
        {
            Text(cards[1]).ShouldContain($"(deel 2 van {cards.Count})");
        }
    }

    [Theory]
    [InlineData(DigestAudience.Leader, Language.Dutch)]
    [InlineData(DigestAudience.Coach, Language.English)]
    public void Sixty_communities_fit_one_card_with_one_choice_and_one_button_for_the_detail(DigestAudience audience, Language language)
    {
        var digest = For(audience, language, Many(60));

        var card = DigestCards.Build(digest).ShouldHaveSingleItem();

        CardValidator.AssertValid(card, $"digest-60-{audience}-{language}");
        DigestCards.Size(card).ShouldBeLessThanOrEqualTo(DigestCards.MaxCardBytes);
        var picker = card.Body.OfType<ChoiceSetInput>().ShouldHaveSingleItem();
        picker.Id.ShouldBe(DigestDetailData.PickerId);
        picker.Style.ShouldBe(ChoiceInputStyle.Compact);
        picker.Label.ShouldBe(language == Language.Dutch ? "Meer details over…" : "More detail about…");
        picker.Choices.Select(c => c.Value).ShouldBe(card.Body.OfType<Container>().Where(c => c.Separator == true).Select(c => Id(digest, ((TextBlock)c.Items[0]).Text)));
        picker.Value.ShouldBe(picker.Choices[0].Value, "the first community, which needs attention, is chosen already");
        var button = card.Body.OfType<ActionSet>().ShouldHaveSingleItem().Actions.ShouldHaveSingleItem().ShouldBeOfType<ExecuteAction>();
        button.Verb.ShouldBe(DigestVerbs.Detail);
        // Every row still shows its name and its one-line status.
        var text = Text(card);
        text.ShouldContain(language == Language.Dutch ? "⚠ Geen sessie binnen het ritme (+2)" : "⚠ No session within its rhythm (+2)");
        text.ShouldContain(language == Language.Dutch ? "Fase 4 · volgende sessie: 8/12" : "Phase 4 · next session: 8/12");
    }

    [Fact]
    public void Thirty_communities_keep_rows_that_open_on_a_tap_with_one_choice_for_the_detail()
    {
        var card = DigestCards.Build(For(DigestAudience.Leader, Language.Dutch, Many(30))).ShouldHaveSingleItem();

        CardValidator.AssertValid(card, "digest-30");
        card.Body.OfType<Container>().Count(c => c.SelectAction is ToggleVisibilityAction).ShouldBe(30);
        card.Body.OfType<ChoiceSetInput>().ShouldHaveSingleItem().Choices.Count.ShouldBe(30);
        card.Body.OfType<ActionSet>().ShouldHaveSingleItem();
        Text(card).ShouldNotContain("\"Meer details\"");
        Text(card).ShouldContain("Tik op een gemeenschap om ze open te klappen.");
    }

    private static string Id(Digest digest, string name) =>
        digest.Communities.Single(c => c.Name == name).CommunityId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void A_digest_too_long_for_one_card_is_split_into_evenly_filled_parts_each_with_the_choice_of_its_own_communities()
    {
        const int count = 300;
        var cards = DigestCards.Build(For(DigestAudience.Leader, Language.Dutch, Many(count)));

        cards.Count.ShouldBeGreaterThan(1);
        for (var i = 0; i < cards.Count; i++)
        {
            Text(cards[i]).ShouldContain($"Weekoverzicht 23 – 29 november (deel {i + 1} van {cards.Count})");
            Text(cards[i]).ShouldContain($"{count / 3} van {count} gemeenschappen vragen aandacht");
            var rows = cards[i].Body.OfType<Container>().Select(c => ((TextBlock)c.Items[0]).Text);
            cards[i].Body.OfType<ChoiceSetInput>().ShouldHaveSingleItem().Choices.Select(c => c.Title).ShouldBe(rows);
        }
        var counts = cards.Select(c => c.Body.OfType<ChoiceSetInput>().Single().Choices.Count).ToList();
        counts.Sum().ShouldBe(count);
        counts.Min().ShouldBeGreaterThan(counts.Max() / 2);
    }

    [Theory]
    [InlineData(DigestAudience.Leader, false)]
    [InlineData(DigestAudience.Coach, true)]
    public void The_detail_card_shows_every_round_every_chart_and_names_only_for_a_coach(DigestAudience audience, bool names)
    {
        var digest = For(audience, Language.Dutch, Healthy(1), Struggling(2));

        var healthy = DigestCards.Detail(digest, digest.Communities[0]);
        var struggling = DigestCards.Detail(digest, digest.Communities[1]);

        CardValidator.AssertAllValid(new Dictionary<string, AdaptiveCard> { [$"digest-detail-{audience}"] = healthy, [$"digest-detail-struggling-{audience}"] = struggling });
        var text = Text(healthy);
        text.ShouldContain("Details: Wiskunde eerste graad");
        text.ShouldContain("Check-in van zondag 11 oktober: respons 83%");
        text.ShouldContain("Psychologische veiligheid: 3,2 (+0,4)");
        healthy.Body.OfType<LineChart>().ShouldHaveSingleItem();
        healthy.Body.OfType<HorizontalBarChart>().ShouldHaveSingleItem();
        Text(struggling).ShouldContain("Check-in van vrijdag 16 oktober: niet genoeg antwoorden");
        Text(struggling).ShouldContain("⚠ Geen volgende sessie gepland");
        Text(struggling).Contains("Patti Fernandez").ShouldBe(names);
        text.Contains("Megan Bowen").ShouldBe(names);
    }

    [Fact]
    public void A_coach_with_many_long_overdue_agreements_gets_the_first_ten_shortened_and_a_count_of_the_rest()
    {
        var overdue = Enumerable.Range(1, 40).Select(i => new OverdueAgreement(i, $"Afspraak {i}: " + new string('x', 500), ["Patti Fernandez", "Isaiah Langer"], Period.From)).ToList();
        // The facts hold the first ten; the count is of all forty.
        var community = Struggling(2) with
        {
            Agreements = Struggling(2).Agreements with { Overdue = overdue.Count },
            ForCoach = new CoachDetails([.. overdue.Take(DigestLines.MaxOverdueLines)], ["Adele Vance"]),
        };
        var digest = For(DigestAudience.Coach, Language.Dutch, community);

        var cards = new[] { DigestCards.Build(digest).ShouldHaveSingleItem(), DigestCards.Detail(digest, community) };

        CardValidator.AssertAllValid(new Dictionary<string, AdaptiveCard> { ["digest-overdue"] = cards[0], ["digest-overdue-detail"] = cards[1] });
        foreach (var card in cards)
        {
            DigestCards.Size(card).ShouldBeLessThan(DigestCards.MaxCardBytes);
            var text = Text(card);
            text.ShouldContain("Te laat: “Afspraak 10: xxx");
            text.ShouldNotContain("Afspraak 11:");
            text.ShouldContain("… en nog 30 afspraken te laat");
        }
    }
}
