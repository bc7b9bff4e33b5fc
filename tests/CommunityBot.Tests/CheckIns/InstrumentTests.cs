using System.Text.Json.Nodes;
using CommunityBot.CheckIns;
using Shouldly;
using Xunit;

namespace CommunityBot.Tests.CheckIns;

/// <summary>The shipped instrument file, and that a broken one is refused with every problem named.</summary>
public sealed class InstrumentTests
{
    private static string ShippedJson() => File.ReadAllText(Path.Combine(InstrumentCatalog.DefaultDirectory, "instrument-v1.json"));

    private static IReadOnlyList<string> ErrorsAfter(Action<JsonObject> change)
    {
        var json = JsonNode.Parse(ShippedJson())!.AsObject();
        change(json);
        return InstrumentJson.Read(json.ToJsonString(), 1).Errors;
    }

    [Fact]
    public void The_shipped_instrument_is_valid_with_both_languages_a_direction_and_a_source_for_every_item()
    {
        var reading = InstrumentJson.Read(ShippedJson(), 1);

        reading.Errors.ShouldBeEmpty();
        var instrument = reading.Instrument!;
        instrument.Version.ShouldBe(1);
        (instrument.Min, instrument.Max).ShouldBe((1, 5));
        instrument.Labels.Count.ShouldBe(5);
        instrument.Items.Count.ShouldBeInRange(7, 10);
        instrument.Conditions.Select(c => c.Id).ShouldBe(Enum.GetValues<CheckInCondition>());
        foreach (var condition in instrument.Conditions)
        {
            condition.Name.Nl.ShouldNotBeNullOrWhiteSpace();
            condition.Name.En.ShouldNotBeNullOrWhiteSpace();
            condition.Suggestion.Nl.ShouldNotBeNullOrWhiteSpace();
            condition.Suggestion.En.ShouldNotBeNullOrWhiteSpace();
            instrument.Items.ShouldContain(i => i.Condition == condition.Id);
        }
        foreach (var item in instrument.Items)
        {
            item.Text.Nl.ShouldNotBeNullOrWhiteSpace();
            item.Text.En.ShouldNotBeNullOrWhiteSpace();
            item.Source.ShouldMatch("(Edmondson \\(1999\\)|Van den Bossche et al\\. \\(2006\\)|Vangrieken et al\\. \\(2017\\))");
        }
        instrument.Items.Where(i => i.Reverse).Select(i => i.Id).ShouldBe(["cohesion-apart", "safety-mistakes", "goals-doubt"]);
        instrument.Items.Where(i => i.Condition == CheckInCondition.PsychologicalSafety).ShouldAllBe(i => i.Source.Contains("Edmondson (1999)"));
    }

    [Fact]
    public void A_missing_english_text_an_unmarked_direction_a_missing_source_and_an_unknown_condition_are_each_named()
    {
        var errors = ErrorsAfter(json =>
        {
            var items = json["items"]!.AsArray();
            items[0]!["text"]!.AsObject().Remove("en");
            items[1]!.AsObject().Remove("reverse");
            items[2]!["source"] = " ";
            json["conditions"]!.AsArray()[4]!["suggestion"]!["nl"] = "";
        });

        errors.ShouldBe(
        [
            "conditions[4].suggestion.nl: missing",
            "items[0].text.en: missing",
            "items[1].reverse: must say true or false, so the scoring direction is never guessed",
            "items[2].source: name the published scale the item is adapted from",
        ], ignoreOrder: true);
    }

    [Fact]
    public void Too_few_items_a_condition_without_items_another_scale_and_an_unknown_field_are_refused()
    {
        ErrorsAfter(json =>
        {
            var items = json["items"]!.AsArray();
            items.RemoveAt(6);
            items.RemoveAt(2);
            items.RemoveAt(0);
            json["scale"]!["max"] = 7;
        }).ShouldBe(
        [
            "scale: must run from min 1 to max 5",
            "items: needs 7 to 10 items, to be answerable in about a minute",
            "items: no item measures the condition 'groupPotency'",
        ], ignoreOrder: true);
        ErrorsAfter(json => json["items"]!.AsArray()[0]!["reversed"] = true).Single().ShouldContain("reversed");
        ErrorsAfter(json => json["items"]!.AsArray()[0]!["condition"] = "trust").Single().ShouldStartWith("$.items[0].condition");
        ErrorsAfter(json => json["version"] = 2).ShouldBe(["version: must be 1, the number in the file name"]);
    }

    [Fact]
    public void A_broken_instrument_stops_the_catalog_with_a_message_naming_the_file_and_the_problem()
    {
        var directory = Directory.CreateTempSubdirectory("instrument-");
        try
        {
            var json = JsonNode.Parse(ShippedJson())!.AsObject();
            json["items"]!.AsArray()[3]!["text"]!.AsObject().Remove("nl");
            File.WriteAllText(Path.Combine(directory.FullName, "instrument-v1.json"), json.ToJsonString());

            var failure = Should.Throw<InvalidOperationException>(() => new InstrumentCatalog(directory.FullName));

            failure.Message.ShouldContain("The check-in instrument is invalid");
            failure.Message.ShouldContain("instrument-v1.json: items[3].text.nl: missing");
            Should.Throw<InvalidOperationException>(() => new InstrumentCatalog(Path.Combine(directory.FullName, "none"))).Message.ShouldContain("no instrument-v<number>.json");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
