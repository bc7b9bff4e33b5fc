using System.Text.Json;
using System.Text.Json.Nodes;
using Shouldly;

namespace CommunityBot.Teams.Tests.Cards;

internal static class JsonAssert
{
    /// <summary>Compares compact JSON text, so property order (the type discriminator first) counts too.</summary>
    public static void ShouldBeJson(this string actual, string expected) =>
        Compact(actual).ShouldBe(Compact(expected));

    public static void ShouldBeJson(this JsonElement actual, string expected) => actual.GetRawText().ShouldBeJson(expected);

    private static string Compact(string json) => JsonNode.Parse(json)!.ToJsonString();
}
