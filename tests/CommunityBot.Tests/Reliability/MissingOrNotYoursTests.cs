using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CommunityBot.Teams.Cards;
using CommunityBot.Teams.Schema;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.Agreements.AgreementWorld;

namespace CommunityBot.Tests.Reliability;

/// <summary>
/// A button pressed with the id of a record that is not the presser's (another tenant's, a community they are not in,
/// another person's) answers exactly as one naming a record that does not exist, so answers tell nobody which ids
/// exist; and it changes nothing. The verbs come from the router, so a verb added later is covered.
/// </summary>
public sealed class MissingOrNotYoursTests
{
    private static readonly string[] ChangesOnEveryRequest = ["ProcessedActivities"];

    /// <summary>The polite refusal of data that could not be read: a press that gets it never reached its record.</summary>
    private const string Unreadable = "Ik kon niet lezen wat deze knop stuurde";

    [Fact]
    public async Task Every_verb_pressed_with_a_real_id_that_is_not_yours_answers_as_one_that_does_not_exist_and_changes_nothing()
    {
        await using var app = await BotApplication.StartAsync();
        var records = await ForeignRecords.CreateAsync(app);
        var strangers = new (string Name, Func<Activity, Activity> From)[]
        {
            ("someone of the tenant in no community", activity => activity),
            ("someone of another tenant", ForeignRecords.FromAbroad),
        };
        // Each stranger has talked to the bot before, so their own first-contact rows are not part of the comparison.
        await app.PostAsync(app.Teams.Message("help", Outsider));
        await app.PostAsync(ForeignRecords.FromAbroad(app.Teams.Message("help", ForeignRecords.Abroad)));
        await app.DeliveryIdleAsync();
        var before = await DatabaseSnapshot.TakeAsync(app, ChangesOnEveryRequest);

        var differences = new List<string>();
        var unreached = new List<string>();
        foreach (var (verb, dataType) in RegisteredVerbs(app))
        {
            foreach (var (name, from) in strangers)
            {
                var presser = from == strangers[0].From ? Outsider : ForeignRecords.Abroad;
                var real = await PressAsync(app, from(app.Teams.Execute(verb, Data(dataType, records.Ids), "card-1", presser)));
                var missing = await PressAsync(app, from(app.Teams.Execute(verb, Data(dataType, null), "card-1", presser)));
                if (real != missing)
                {
                    differences.Add($"{verb} by {name}:\n  real id:    {real}\n  missing id: {missing}");
                }
                if (real.Contains(Unreadable, StringComparison.Ordinal))
                {
                    unreached.Add(verb);
                }
            }
        }

        differences.ShouldBeEmpty();
        unreached.ShouldBeEmpty();
        var after = await DatabaseSnapshot.TakeAsync(app, ChangesOnEveryRequest);
        before.Where(NotAStrangersOwn).Except(after.Where(NotAStrangersOwn)).ShouldBeEmpty();
        after.Where(NotAStrangersOwn).Except(before.Where(NotAStrangersOwn)).ShouldBeEmpty();
    }

    /// <summary>A stranger may change their own person row (the language button); nobody else's row.</summary>
    private static bool NotAStrangersOwn(string row) =>
        !(row.StartsWith("People:", StringComparison.Ordinal)
          && (row.Contains($"TeamsUserId={Outsider.Id} |", StringComparison.Ordinal) || row.Contains($"TeamsUserId={ForeignRecords.Abroad.Id} |", StringComparison.Ordinal)));

    internal static Dictionary<string, Type> RegisteredVerbs(BotApplication app)
    {
        using var scope = app.Services.CreateScope();
        return new(scope.ServiceProvider.GetRequiredService<CardActionRouter>().Verbs);
    }

    /// <summary>
    /// Well-formed data for the verb: every property named after a record holds its real id (or, without
    /// <paramref name="ids"/>, one that does not exist), every other property the same plausible value for both.
    /// </summary>
    internal static JsonObject Data(Type dataType, IReadOnlyDictionary<string, long>? ids)
    {
        var data = new JsonObject();
        foreach (var property in TeamsJson.Options.GetTypeInfo(dataType).Properties)
        {
            data[property.Name] = ValueFor(property.Name, property.PropertyType, ids);
        }
        // Inputs Teams merges into the data: the chosen slot, the owners.
        data["slot"] ??= Id("slotId", ids).ToString(System.Globalization.CultureInfo.InvariantCulture);
        data["owners"] ??= Id("personId", ids).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return data;
    }

    private static JsonNode? ValueFor(string name, Type type, IReadOnlyDictionary<string, long>? ids)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying switch
        {
            _ when underlying == typeof(long) => Id(name, ids),
            _ when underlying == typeof(int) => 1,
            _ when underlying == typeof(bool) => true,
            _ when underlying == typeof(DateOnly) => "2026-03-02",
            _ when underlying == typeof(string) => PlausibleText(name, ids),
            _ => null,
        };
    }

    private static long Id(string name, IReadOnlyDictionary<string, long>? ids) =>
        ids is not null && ids.TryGetValue(name, out var id) ? id : ForeignRecords.Missing;

    /// <summary>The value a real card sends for a text property, so a press gets past the checks of its choices.</summary>
    private static string? PlausibleText(string name, IReadOnlyDictionary<string, long>? ids) => name switch
    {
        "answer" or "choice" => "done",
        "view" => "reminder",
        "audience" => "coach",
        "language" => "en",
        "card" => "help",
        "coaches" => Id("personId", ids).ToString(System.Globalization.CultureInfo.InvariantCulture),
        "detailCommunity" => Id("communityId", ids).ToString(System.Globalization.CultureInfo.InvariantCulture),
        "date" => "2026-04-20",
        "time" or "dayStart" => "16:00",
        "dayEnd" => "18:00",
        "duration" => "90",
        "cadence" or "weeks" => "4",
        "days" => "1,2",
        "kind" => "weeks",
        _ => null,
    };

    /// <summary>What the presser notices: the invoke answer and anything sent to a conversation meanwhile.</summary>
    internal static async Task<string> PressAsync(BotApplication app, Activity press)
    {
        var sentBefore = app.Connector.SentActivities.Count;
        var response = await app.PostAsync(press);
        var body = await response.Content.ReadAsStringAsync();
        await app.DeliveryIdleAsync();
        var sent = app.Connector.SentActivities.Skip(sentBefore)
            .Select(r => JsonSerializer.Serialize(new { r.Activity?.Text, r.Activity?.Attachments }, TeamsJson.Options));
        return $"HTTP {(int)response.StatusCode} {(body.Length == 0 ? "" : Readable(body))}" + string.Concat(sent.Select(s => "\n  sent: " + s));
    }
}
