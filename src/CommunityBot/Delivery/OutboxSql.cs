using CommunityBot.Limits;

namespace CommunityBot.Delivery;

/// <summary>
/// The outbox statements EF cannot express. Quoted identifiers, <c>ON CONFLICT</c> and <c>RETURNING</c> read the same
/// on SQLite (3.35+) and PostgreSQL; only the row locking of the claim differs.
/// </summary>
internal static class OutboxSql
{
    /// <summary>
    /// Raw SQL arguments: EF sends a null argument as SQL NULL; the API is typed non-nullable only. Raw SQL passes by the
    /// string columns' converter, so texts are cleaned here as it would (a comment quoted in a message may hold a NUL).
    /// </summary>
    public static object[] Arguments(params object?[] values) =>
        values.Select(value => value is string text ? ControlCharacters.Remove(text) : value).ToArray()!;

    public const string Table = "OutboxMessages";
    public const string UnreachableTable = "UnreachableRecipients";

    public const string Enqueue = $$"""
        INSERT INTO "{{Table}}" ("DedupeKey", "TenantId", "ConversationRowId", "PersonId", "CardJson", "Text", "ReplacesDedupeKey",
            "Purpose", "State", "Attempts", "NextAttemptAt", "CreatedAt")
        VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, 'Pending', 0, {8}, {9})
        ON CONFLICT ("DedupeKey") DO NOTHING
        """;

    public const string MarkUnreachable = $$"""
        INSERT INTO "{{UnreachableTable}}" ("RecipientKey", "TenantId", "ConversationRowId", "PersonId", "Reason", "OutboxMessageId", "MarkedAt")
        VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6})
        ON CONFLICT ("RecipientKey") DO NOTHING
        """;

    /// <summary>
    /// Takes due rows and rows whose claim lapsed, in one statement. PostgreSQL skips rows another instance is
    /// claiming right now; SQLite serialises writers, so the single statement is already exclusive.
    /// </summary>
    public static string Claim(bool skipLocked) => $$"""
        UPDATE "{{Table}}" SET "State" = 'Sending', "ClaimedBy" = {0}, "ClaimedUntil" = {1}
        WHERE "Id" IN (
            SELECT "Id" FROM "{{Table}}"
            WHERE ("State" = 'Pending' AND "NextAttemptAt" <= {2}) OR ("State" = 'Sending' AND "ClaimedUntil" < {2})
            ORDER BY "NextAttemptAt", "Id"
            LIMIT {3}{{(skipLocked ? " FOR UPDATE SKIP LOCKED" : "")}})
        RETURNING "Id" AS "Value"
        """;
}
