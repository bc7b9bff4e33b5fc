using CommunityBot.Delivery;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace CommunityBot.Tests.Delivery;

public sealed class SharedTenantBudgetTests(PostgresServer postgres)
{
    private const long Spacing = 20_500;

    /// <summary>
    /// The grant reads the database's clock for the slot and again for the Now it returns; on a busy machine the
    /// statement can be put aside between the two reads (a millisecond and more was seen in CI).
    /// </summary>
    private const long ClockReadsApart = 50_000;

    [Fact]
    public async Task Two_grantors_taking_grants_of_one_tenant_at_once_never_get_the_same_slot()
    {
        var connectionString = await postgres.DatabaseAsync($"budget_{Guid.NewGuid():N}");
        await using (var setup = OutboxSeeding.Postgres(connectionString))
        {
            await setup.Database.MigrateAsync(TestContext.Current.CancellationToken);
        }

        // Two connections (as two instances would have) interleave 150 grants each of 1 to 10 slots.
        var grants = await Task.WhenAll(Enumerable.Range(0, 2).Select(grantor => Task.Run(async () =>
        {
            await using var db = OutboxSeeding.Postgres(connectionString);
            var random = new Random(grantor);
            var taken = new List<(long Start, long End)>();
            for (var i = 0; i < 150; i++)
            {
                var length = random.Next(1, 11) * Spacing;
                var grant = await SharedTenantBudget.TakeGrantAsync(db, "tenant-a", length);
                grant.Start.ShouldBeGreaterThanOrEqualTo(grant.Now - ClockReadsApart, "a grant starts no earlier than the database's now");
                taken.Add((grant.Start, grant.Start + length));
            }
            return taken;
        })));

        var all = grants.SelectMany(g => g).OrderBy(g => g.Start).ToList();
        all.Count.ShouldBe(300);
        for (var i = 1; i < all.Count; i++)
        {
            all[i].Start.ShouldBeGreaterThanOrEqualTo(all[i - 1].End, $"grant {i} overlaps the one before it");
        }
        // Each grantor got slots, and the other tenant's budget is its own.
        grants.ShouldAllBe(g => g.Count == 150);
        await using var other = OutboxSeeding.Postgres(connectionString);
        var first = await SharedTenantBudget.TakeGrantAsync(other, "tenant-b", Spacing);
        first.Start.ShouldBeLessThan(all[^1].End);
    }

    [Fact]
    public async Task A_tenant_wide_pause_told_to_one_instance_holds_the_grants_of_every_instance()
    {
        var connectionString = await postgres.DatabaseAsync($"budget_{Guid.NewGuid():N}");
        await using var told = OutboxSeeding.Postgres(connectionString);
        await told.Database.MigrateAsync(TestContext.Current.CancellationToken);
        var toldAt = (await SharedTenantBudget.TakeGrantAsync(told, "tenant-a", Spacing)).Now;

        await SharedTenantBudget.PauseAsync(told, "tenant-a", TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);

        await using var other = OutboxSeeding.Postgres(connectionString);
        var paused = await SharedTenantBudget.TakeGrantAsync(other, "tenant-a", Spacing);
        // Counted from an instant before the pause, in the database's clock: however long the statements took in between.
        paused.Start.ShouldBeGreaterThanOrEqualTo(toldAt + 3_000_000, "the other instance's first slot comes after the pause");
        var free = await SharedTenantBudget.TakeGrantAsync(other, "tenant-b", Spacing);
        (free.Start - free.Now).ShouldBeLessThan(100_000, "another tenant is not paused");
    }
}
