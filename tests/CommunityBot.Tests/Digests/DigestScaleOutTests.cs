using CommunityBot.Delivery;
using CommunityBot.Digests;
using CommunityBot.Tests.Delivery;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.Digests.DigestWorld;

namespace CommunityBot.Tests.Digests;

/// <summary>Two host instances on one PostgreSQL run the digest sweep at the same moment: one digest per recipient per week.</summary>
public sealed class DigestScaleOutTests(PostgresServer postgres)
{
    [Fact]
    public async Task Two_instances_sweeping_at_once_enqueue_exactly_one_digest_per_recipient_per_week()
    {
        var connectionString = await postgres.DatabaseAsync($"digest_scaleout_{Guid.NewGuid():N}");
        void OnPostgres(IDictionary<string, string?> s)
        {
            s["Storage:Provider"] = "PostgreSql";
            s["Storage:ConnectionString"] = connectionString;
        }
        var start = new DateTimeOffset(2026, 3, 8, 12, 0, 0, TimeSpan.Zero);
        await using var first = await BotApplication.StartAsync(OnPostgres, start: start);
        await using var second = await BotApplication.StartAsync(OnPostgres, start: start);
        var world = await CreateAsync(first);
        var recipients = (await world.RecipientsAsync()).Count;

        // Three Mondays at 07:30 Brussels time, each swept by both instances at the same moment, twice.
        foreach (var monday in new[] { new DateTimeOffset(2026, 3, 9, 6, 30, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 16, 6, 30, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 23, 6, 30, 0, TimeSpan.Zero) })
        {
            first.Clock.SetUtcNow(monday);
            second.Clock.SetUtcNow(monday);
            await Task.WhenAll(DigestScheduleTests.SweepAsync(first), DigestScheduleTests.SweepAsync(second));
            await Task.WhenAll(DigestScheduleTests.SweepAsync(second), DigestScheduleTests.SweepAsync(first));
        }

        var digests = await first.QueryAsync(db => db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Purpose == DigestSweep.Purpose).ToListAsync());
        digests.Count.ShouldBe(3 * recipients);
        digests.GroupBy(m => (m.PersonId, m.DedupeKey.Split(':')[2])).ShouldAllBe(g => g.Count() == 1);
        (await first.QueryAsync(db => db.Set<DigestRun>().CountAsync())).ShouldBe(3);
    }
}
