using System.Text.Json;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CommunityBot.Agreements;

/// <summary>What an agreement said before a coach changed it, kept in its history as JSON (one column, read rarely).</summary>
public sealed record AgreementSnapshot(
    string Text,
    bool WholeGroup,
    IReadOnlyList<long> OwnerIds,
    bool WholeGroupDepends,
    IReadOnlyList<long> DependantIds,
    long? DueSessionId)
{
    public static AgreementSnapshot Of(Agreement agreement) => new(
        agreement.Text,
        agreement.WholeGroup,
        [.. agreement.Owners.Select(o => o.PersonId).Order()],
        agreement.WholeGroupDepends,
        [.. agreement.Dependants.Select(d => d.PersonId).Order()],
        agreement.DueSessionId);

    /// <summary>Same content (records compare lists by reference, so this compares them by value).</summary>
    public bool Equivalent(AgreementSnapshot other) =>
        Text == other.Text && WholeGroup == other.WholeGroup && WholeGroupDepends == other.WholeGroupDepends && DueSessionId == other.DueSessionId
        && OwnerIds.SequenceEqual(other.OwnerIds) && DependantIds.SequenceEqual(other.DependantIds);

    internal static readonly ValueConverter<AgreementSnapshot?, string?> Converter = new(
        snapshot => snapshot == null ? null : JsonSerializer.Serialize(snapshot, JsonSerializerOptions.Web),
        json => json == null ? null : JsonSerializer.Deserialize<AgreementSnapshot>(json, JsonSerializerOptions.Web));
}
