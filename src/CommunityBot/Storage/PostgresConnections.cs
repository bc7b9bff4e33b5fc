using Npgsql;

namespace CommunityBot.Storage;

/// <summary>How the bot's own connections to PostgreSQL are tuned, unless the connection string says otherwise.</summary>
internal static class PostgresConnections
{
    /// <summary>
    /// The same few dozen statements run on every turn and every delivery. Prepared on the server after their second
    /// use, PostgreSQL no longer parses and plans each of them again: on a machine whose cores the server shares with
    /// the bot, that is CPU every answer waits for. An operator's own "Max Auto Prepare" (0 turns it off) wins.
    /// </summary>
    public const int PreparedStatements = 200;

    public static string Tuned(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Mentions(connectionString, "MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = PreparedStatements;
            builder.AutoPrepareMinUsages = 2;
        }
        return builder.ConnectionString;
    }

    /// <summary>Npgsql reads a keyword with or without its spaces ("Max Auto Prepare", "MaxAutoPrepare").</summary>
    private static bool Mentions(string connectionString, string keyword) =>
        connectionString.Split(';').Any(part => part.Split('=')[0].Replace(" ", "", StringComparison.Ordinal).Equals(keyword, StringComparison.OrdinalIgnoreCase));
}
