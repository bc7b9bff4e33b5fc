using CommunityBot.Limits;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CommunityBot.Storage;

/// <summary>
/// Applied to every string column by convention (<see cref="AppDbContext"/>), so whatever writes a row — SaveChanges,
/// <see cref="InsertOrIgnore"/>, ExecuteUpdate — and whatever a query compares a column with, no control character
/// reaches the database (PostgreSQL refuses NUL; see <see cref="ControlCharacters"/>). Reading is unchanged.
/// </summary>
public sealed class StoredTextConverter() : ValueConverter<string, string>(text => ControlCharacters.Remove(text), text => text);
