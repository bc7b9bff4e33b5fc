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
    public const string BudgetTable = "TenantBudgets";

    public const string Enqueue = $$"""
        INSERT INTO "{{Table}}" ("DedupeKey", "TenantId", "ConversationRowId", "PersonId", "CardJson", "Text", "ReplacesDedupeKey",
            "Purpose", "Priority", "State", "Attempts", "NextAttemptAt", "CreatedAt")
        VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}, 'Pending', 0, {9}, {10})
        ON CONFLICT ("DedupeKey") DO NOTHING
        """;

    public const string MarkUnreachable = $$"""
        INSERT INTO "{{UnreachableTable}}" ("RecipientKey", "TenantId", "ConversationRowId", "PersonId", "Reason", "OutboxMessageId", "MarkedAt")
        VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6})
        ON CONFLICT ("RecipientKey") DO NOTHING
        """;

    /// <summary>
    /// Takes due rows and rows whose claim lapsed, in one statement: at most {4} of one tenant (what its budget sends in
    /// about a second, so one tenant's backlog never fills a batch while another tenant's rows wait), interactive before
    /// normal before bulk, and among equals the tenants' rows in turn. {5} is the lowest priority taken. The outer
    /// condition repeats the inner one: PostgreSQL re-checks it on a row a result was written to meanwhile.
    /// </summary>
    /// <param name="postgres">
    /// On PostgreSQL the caller holds <see cref="ClaimLock"/> and passes its instance id as {6} and a moment as {7}: rows
    /// of a conversation or person another instance holds a live claim on, or sent to after {7}, are left to that
    /// instance. So a conversation's sends come from one instance at a time, and one that moves to another instance
    /// has been quiet longer than Teams' per-conversation windows up to 30 s; the hour's 1800 would take more messages
    /// to one conversation than the product ever sends it.
    /// </param>
    public static string Claim(bool postgres) => $$"""
        {{(postgres ? Held : "")}}
        UPDATE "{{Table}}" SET "State" = 'Sending', "ClaimedBy" = {0}, "ClaimedUntil" = {1}
        WHERE "Id" IN (
            SELECT "Id" FROM (
                SELECT "Id", "Priority", "NextAttemptAt",
                    ROW_NUMBER() OVER (PARTITION BY "TenantId" ORDER BY "Priority", "NextAttemptAt", "Id") AS "Rank"
                FROM "{{Table}}"
                WHERE {{Due}} AND "Priority" <= {5}{{(postgres ? NotHeld : "")}}) AS "Due"
            WHERE "Rank" <= {4}
            ORDER BY "Priority", "Rank", "NextAttemptAt", "Id"
            LIMIT {3})
        AND {{Due}}
        RETURNING "Id" AS "Value"
        """;

    /// <summary>Serialises claims between instances (a transaction-scoped advisory lock), so the held set is exact.</summary>
    public const string ClaimLock = "SELECT pg_advisory_xact_lock(4850358011460661297)";

    private const string Due = """(("State" = 'Pending' AND "NextAttemptAt" <= {2}) OR ("State" = 'Sending' AND "ClaimedUntil" < {2}))""";

    private const string Held = $$"""
        WITH "Held" AS MATERIALIZED (
            SELECT COALESCE("SentConversationRowId", "ConversationRowId") AS "ConversationRowId", "PersonId" FROM "{{Table}}"
            WHERE NOT starts_with("ClaimedBy", {6})
                AND (("State" = 'Sending' AND "ClaimedUntil" >= {2}) OR ("State" = 'Sent' AND "SentAt" > {7})))
        """;

    private const string NotHeld = """

                    AND ("ConversationRowId" IS NULL OR "ConversationRowId" NOT IN (SELECT "ConversationRowId" FROM "Held" WHERE "ConversationRowId" IS NOT NULL))
                    AND ("PersonId" IS NULL OR "PersonId" NOT IN (SELECT "PersonId" FROM "Held" WHERE "PersonId" IS NOT NULL))
        """;

    /// <summary>
    /// Takes {1} consecutive microseconds of the tenant's budget from its next free slot or the database's now,
    /// whichever is later, in one atomic statement (the row lock orders concurrent grants); returns where the grant
    /// starts and the database's clock after taking it, both in microseconds.
    /// </summary>
    public const string Grant = $$"""
        INSERT INTO "{{BudgetTable}}" AS "Budget" ("TenantId", "NextSlotAt") VALUES ({0}, {{DatabaseNow}} + {1})
        ON CONFLICT ("TenantId") DO UPDATE SET "NextSlotAt" = GREATEST("Budget"."NextSlotAt", {{DatabaseNow}}) + {1}
        RETURNING "Budget"."NextSlotAt" - {1} AS "Start", {{DatabaseNow}} AS "Now"
        """;

    /// <summary>A tenant-wide 429: no instance is granted a slot before the pause ends ({1} microseconds from now).</summary>
    public const string Pause = $$"""
        UPDATE "{{BudgetTable}}" SET "NextSlotAt" = GREATEST("NextSlotAt", {{DatabaseNow}} + {1}) WHERE "TenantId" = {0}
        """;

    /// <summary>The database's now alone: a clock sample without a grant.</summary>
    public const string Now = $$"""SELECT {{DatabaseNow}} AS "Value" """;

    private const string DatabaseNow = "(extract(epoch from clock_timestamp()) * 1000000)::bigint";
}
