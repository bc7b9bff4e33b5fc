using CommunityBot.Storage;
using Npgsql;
using Shouldly;
using Xunit;

namespace CommunityBot.Tests.Storage;

public sealed class PostgresConnectionsTests
{
    [Fact]
    public void The_bots_connections_prepare_their_repeated_statements()
    {
        var tuned = new NpgsqlConnectionStringBuilder(PostgresConnections.Tuned("Host=db;Database=communitybot;Username=bot"));

        tuned.MaxAutoPrepare.ShouldBe(PostgresConnections.PreparedStatements);
        tuned.AutoPrepareMinUsages.ShouldBe(2);
        (tuned.Host, tuned.Database, tuned.Username).ShouldBe(("db", "communitybot", "bot"));
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;max auto prepare = 10", 10)]
    [InlineData("Host=db;MaxAutoPrepare=30", 30)]
    public void An_operators_own_setting_wins(string connectionString, int prepared)
    {
        new NpgsqlConnectionStringBuilder(PostgresConnections.Tuned(connectionString)).MaxAutoPrepare.ShouldBe(prepared);
    }
}
