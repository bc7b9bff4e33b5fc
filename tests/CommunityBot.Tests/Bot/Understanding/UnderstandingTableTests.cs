using CommunityBot.Bot.Understanding;
using CommunityBot.Sessions;
using Shouldly;
using Xunit;

namespace CommunityBot.Tests.Bot.Understanding;

/// <summary>Real phrasings and typos, nl and en, with the command and arguments each must reach.</summary>
public sealed class UnderstandingTableTests(InterpreterFixture fixture) : IClassFixture<InterpreterFixture>
{
    public static TheoryData<string, string, string> Commands => new()
    {
        // Typos: one clear best match runs.
        { "hlep", "help", "" },
        { "hepl", "help", "" },
        { "halp", "help", "" },
        { "Help!", "help", "" },
        { "volgnde sessie", "volgende sessie", "" },
        { "volgende sesie", "volgende sessie", "" },
        { "volgnde sesie", "volgende sessie", "" },
        { "mijn afsprakne", "mijn afspraken", "" },
        { "mijn afpsraken", "mijn afspraken", "" },
        { "Mijn afspraken, graag", "mijn afspraken", "graag" },
        { "my agreemnts", "my agreements", "" },
        { "my agrements", "my agreements", "" },
        { "nxt session", "next session", "" },
        { "next sesion", "next session", "" },
        { "sesie plannen", "sessie plannen", "" },
        { "sessie planen", "sessie plannen", "" },
        { "plan a sesion", "plan a session", "" },
        { "afspraken noteern", "afspraken noteren", "" },
        { "record agreemnets", "record agreements", "" },
        { "open afsraken", "open afspraken", "" },
        { "gemeenshap", "gemeenschap", "" },
        { "aanwezigeid", "aanwezigheid", "" },
        { "atendance", "attendance", "" },
        { "mijn chek-ins", "mijn check-ins", "" },
        { "intervisegroep", "intervisiegroep", "" },
        { "ik kan niet kommen", "ik kan niet komen", "" },
        { "i cant come", "i can't come", "" },
        { "sesies", "sessies", "" },
        { "digets nu", "digest", "nu" },
        // Exact triggers keep winning.
        { "hulp", "hulp", "" },
        { "wanneer is de volgende sessie", "wanneer is de volgende sessie", "" },
        { "pauze tot 15/3", "pauze", "tot 15/3" },
        { "taal en", "taal", "en" },
        // Natural phrasings.
        { "afspraken", "mijn afspraken", "" },
        { "Wat zijn mijn afspraken?", "mijn afspraken", "" },
        { "wat moet ik nog doen", "mijn afspraken", "" },
        { "agreements", "my agreements", "" },
        { "What are my agreements?", "my agreements", "" },
        { "what's my next session?", "next session", "" },
        { "What’s my next session", "next session", "" },
        { "When do we meet?", "next session", "" },
        { "when do we meet again", "next session", "" },
        { "wanneer zien we elkaar", "volgende sessie", "" },
        { "Wanneer zien we elkaar weer?", "volgende sessie", "" },
        { "wanneer komen we samen", "volgende sessie", "" },
        { "ik heb het artikel gelezen", "klaar", "het artikel" },
        { "Ik heb het artikel gelezen!", "klaar", "het artikel" },
        { "I finished reading the article", "klaar", "the article" },
        { "ik ben klaar met de oefenbundel", "klaar", "de oefenbundel" },
        { "klaar", "klaar", "" },
        { "klaar 2", "klaar", "2" },
        { "done", "done", "" },
        { "gedaan", "gedaan", "" },
        { "nieuwe sessie", "sessie plannen", "" },
        { "schedule a session next friday", "plan session", "next friday" },
    };

    /// <summary>Today is Monday 2 March 2026 (Brussels); "woensdag" is the first Wednesday after today.</summary>
    public static TheoryData<string, string, string, string?, string?> Dates => new()
    {
        { "sessie plannen volgende woensdag om 15u30", "sessie plannen", "volgende woensdag om 15u30", "2026-03-04", "15:30" },
        { "sessie plannen woensdag om 15:30", "sessie plannen", "woensdag om 15:30", "2026-03-04", "15:30" },
        { "plan a session next Wednesday 3.30 pm", "plan a session", "next wednesday 3.30 pm", "2026-03-04", "15:30" },
        { "sessie plannen 12/3 om 16u", "sessie plannen", "12/3 om 16u", "2026-03-12", "16:00" },
        { "sessie plannen 12 maart 14.00", "sessie plannen", "12 maart 14.00", "2026-03-12", "14:00" },
        { "plan session March 12 at 4pm", "plan session", "march 12 at 4pm", "2026-03-12", "16:00" },
        { "sessie plannen morgen 15u", "sessie plannen", "morgen 15u", "2026-03-03", "15:00" },
        { "sessie plannen overmorgen", "sessie plannen", "overmorgen", "2026-03-04", null },
        { "plan session tomorrow 10am", "plan session", "tomorrow 10am", "2026-03-03", "10:00" },
        { "plan session day after tomorrow", "plan session", "day after tomorrow", "2026-03-04", null },
        { "sessie plannen in twee weken", "sessie plannen", "in twee weken", "2026-03-16", null },
        { "plan session in 3 weeks at 15:00", "plan session", "in 3 weeks at 15:00", "2026-03-23", "15:00" },
        { "sessie plannen 1/2", "sessie plannen", "1/2", "2027-02-01", null },
        { "sessie plannen 2/3", "sessie plannen", "2/3", "2026-03-02", null },
        { "sessie plannen maandag", "sessie plannen", "maandag", "2026-03-09", null },
        { "sessie plannen om 15 uur", "sessie plannen", "om 15 uur", null, "15:00" },
        { "nieuwe sessie vrijdag 15u30", "sessie plannen", "vrijdag 15u30", "2026-03-06", "15:30" },
        { "sesie plannen morgen 15u", "sessie plannen", "morgen 15u", "2026-03-03", "15:00" },
        { "plan a session 20-3 at 9 am", "plan a session", "20-3 at 9 am", "2026-03-20", "09:00" },
    };

    /// <summary>Free text that is not a command: never run one, whatever words it shares with a trigger.</summary>
    public static TheoryData<string> NotCommands => new()
    {
        "ik heb het artikel gelezen maar snap het niet",
        "ik heb het artikel niet gelezen",
        "kan je me helpen met de planning",
        "ik heb hulp nodig bij de toets",
        "volgende week ben ik ziek",
        "mijn afspraak met de directeur is verzet",
        "de sessie van gisteren was top",
        "Lesvoorbereiding H3 is bijna af",
        "afsprak afwerken @Megan: toets nakijken",
        "long day today",
        "when do we meet the parents",
        "halloween",
        "ok maar wanneer dan",
        "I finished",
        "a",
        "",
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void A_phrasing_or_typo_reaches_its_command(string typed, string trigger, string arguments)
    {
        var meaning = fixture.Interpreter.Interpret(typed);

        meaning.Kind.ShouldBe(MeaningKind.Command, typed);
        meaning.Command.ShouldBe(new CommandChoice(trigger, arguments), typed);
    }

    [Theory]
    [MemberData(nameof(Dates))]
    public void A_date_and_time_in_text_prefill_the_session_form(string typed, string trigger, string arguments, string? date, string? time)
    {
        var meaning = fixture.Interpreter.Interpret(typed);

        meaning.Command.ShouldBe(new CommandChoice(trigger, arguments), typed);
        var form = PlanSessionCommand.Prefill(meaning.Command!.Arguments, InterpreterFixture.Today);
        form.ShouldNotBeNull(typed);
        form.Date.ShouldBe(date, typed);
        form.Time.ShouldBe(time, typed);
    }

    [Theory]
    [MemberData(nameof(NotCommands))]
    public void Free_text_is_never_taken_for_a_command(string typed)
    {
        fixture.Interpreter.Interpret(typed).Kind.ShouldBe(MeaningKind.Unknown, typed);
    }

    [Theory]
    [InlineData("hallo", MeaningKind.Greeting)]
    [InlineData("Hoi!", MeaningKind.Greeting)]
    [InlineData("goedemorgen", MeaningKind.Greeting)]
    [InlineData("goeiemorgen", MeaningKind.Greeting)]
    [InlineData("hello", MeaningKind.Greeting)]
    [InlineData("hi", MeaningKind.Greeting)]
    [InlineData("Good morning!", MeaningKind.Greeting)]
    [InlineData("bedankt!", MeaningKind.Thanks)]
    [InlineData("dank je", MeaningKind.Thanks)]
    [InlineData("thanks", MeaningKind.Thanks)]
    [InlineData("thanks for the help", MeaningKind.Thanks)]
    [InlineData("ok", MeaningKind.Thanks)]
    [InlineData("oké", MeaningKind.Thanks)]
    [InlineData("👍", MeaningKind.Thanks)]
    public void Greetings_and_thanks_are_answered_in_kind(string typed, MeaningKind kind)
    {
        fixture.Interpreter.Interpret(typed).Kind.ShouldBe(kind);
    }

    [Fact]
    public void A_weak_match_is_asked_about_not_run()
    {
        var meaning = fixture.Interpreter.Interpret("comunty");

        meaning.Kind.ShouldBe(MeaningKind.Unsure);
        meaning.Options.ShouldBe([new CommandChoice("community", "")]);
    }

    [Fact]
    public void Text_not_understood_comes_with_the_nearest_commands()
    {
        var meaning = fixture.Interpreter.Interpret("sessi overzicht graag nu meteen alstublieft");

        meaning.Kind.ShouldBe(MeaningKind.Unknown);
        meaning.Options.Select(o => o.Trigger).ShouldContain("sessies");
        meaning.Options.Count.ShouldBeLessThanOrEqualTo(3);
    }

    [Fact]
    public void Every_phrasing_names_a_command_the_bot_has()
    {
        PhraseTable.Default.Targets.Where(t => !t.StartsWith('@'))
            .ShouldAllBe(t => fixture.Interpreter.CommandOf(t) != null);
    }

    [Fact]
    public void A_megabyte_of_text_is_read_in_linear_time()
    {
        var huge = string.Concat(Enumerable.Repeat("volgnde sesie ", 80_000)) + string.Concat(Enumerable.Repeat("x", 100_000));
        var started = System.Diagnostics.Stopwatch.StartNew();

        fixture.Interpreter.Interpret(huge).Kind.ShouldBe(MeaningKind.Unknown);
        fixture.Interpreter.Interpret(new string('a', 1_000_000)).Kind.ShouldBe(MeaningKind.Unknown);

        started.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(2));
    }
}
