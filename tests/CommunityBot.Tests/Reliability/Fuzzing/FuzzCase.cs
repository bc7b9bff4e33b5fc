using System.Text.Json.Nodes;

namespace CommunityBot.Tests.Reliability.Fuzzing;

/// <summary>
/// One generated case: which valid activity to start from, who sends it, and which mutation to apply, all drawn by
/// CsCheck from the run's seed (the numbers pick from the lists the fuzzer builds in a fixed order).
/// </summary>
public sealed record FuzzCase(int Start, int Sender, int Mutation, int Target, int Value, int Size)
{
    public override string ToString() => $"start {Start}, sender {Sender}, mutation {Mutation}, target {Target}, value {Value}, size {Size}";
}

/// <summary>A case made concrete: the JSON posted, who sent it, and whether a person typed or pressed it (so it may be refused).</summary>
public sealed record FuzzPost(string Description, JsonObject Json, string SenderId, string TenantId, bool Typed);
