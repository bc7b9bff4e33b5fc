using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CommunityBot.Storage;

/// <summary>
/// Instants stored as Unix milliseconds: SQLite cannot compare or order DateTimeOffset columns, and plain integers
/// compare the same way on both providers.
/// </summary>
public static class UnixTime
{
    public static readonly ValueConverter<DateTimeOffset, long> Converter = new(
        v => v.ToUnixTimeMilliseconds(),
        v => DateTimeOffset.FromUnixTimeMilliseconds(v));

    public static readonly ValueConverter<DateTimeOffset?, long?> NullableConverter = new(
        v => v.HasValue ? v.Value.ToUnixTimeMilliseconds() : null,
        v => v.HasValue ? DateTimeOffset.FromUnixTimeMilliseconds(v.Value) : null);
}
