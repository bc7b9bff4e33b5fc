using CommunityBot.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommunityBot.Delivery;

/// <summary>
/// On PostgreSQL every instance takes a tenant's send slots from one row per tenant (<see cref="TenantBudget"/>), so
/// <see cref="DeliveryOptions.TenantRequestsPerSecond"/> is the tenant's total whatever the number of instances. A
/// grant is one atomic statement for several consecutive slots, evenly spaced at <see cref="Spacing"/> and counted in
/// the database's clock; waiting sends share them in the order they ask. The <see cref="Margin"/> leaves 25 ms of
/// every second unused; a slot is used only within <see cref="Tolerance"/> of its moment, and the rest of those
/// 25 ms absorbs the way to Teams (one request held up a little longer than the next) and the instances' mapping of
/// the database's clock, so that no one-second window, fixed or sliding, holds more than the ceiling. A slot nobody
/// could use in time is lost, not caught up on. SQLite (one instance) keeps the in-process pace of
/// <see cref="DeliveryThrottle"/>.
/// </summary>
public sealed class SharedTenantBudget(IServiceScopeFactory scopes, TimeProvider time, IOptions<DeliveryOptions> options, IOptions<StorageOptions> storage)
{
    /// <summary>Slots are this much further apart than the ceiling needs: 2.5 % of the pace, 25 ms a second.</summary>
    public const double Margin = 0.025;

    /// <summary>
    /// How late a sender may still use its slot: 10 of the margin's 25 ms. With all 25 ms for the senders, arrivals
    /// bunched by the way to Teams put 201–203 requests into a sliding second at a 200/s ceiling on a busy machine.
    /// </summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMilliseconds(10);

    /// <summary>A grant holds what the pace sends in this long at most: long enough to make round trips rare, short enough that slots a quiet instance holds are few.</summary>
    private static readonly TimeSpan LongestGrant = TimeSpan.FromMilliseconds(200);

    private readonly DatabaseClock clock = new();

    /// <summary>Clock samples of their own this process may still take (a database that is never fast stays imprecise).</summary>
    private int clockSamplesLeft = 5;
    private readonly Lock gate = new();
    private readonly Dictionary<string, Grants> tenants = new(StringComparer.Ordinal);

    public bool IsShared => storage.Value.Provider == StorageProvider.PostgreSql && options.Value.ShareTenantBudget;

    public TimeSpan Spacing => TimeSpan.FromSeconds((1 + Margin) / options.Value.TenantRequestsPerSecond);

    /// <summary>
    /// The tenant's next slot that is not yet too late, asking the database for a grant when there is none; not
    /// taken (<see cref="ThrottleSlot.Reserved"/> false) when it is more than <paramref name="maxWait"/> away.
    /// </summary>
    public async Task<ThrottleSlot> TakeAsync(string tenantId, TimeSpan maxWait, CancellationToken ct)
    {
        Grants grants;
        lock (gate)
        {
            grants = tenants.TryGetValue(tenantId, out var known) ? known : tenants[tenantId] = new Grants();
        }
        while (true)
        {
            Task granting;
            lock (grants)
            {
                var now = time.GetUtcNow();
                grants.Slots.RemoveAll(slot => slot < now - Tolerance);
                if (grants.Slots.Count > 0)
                {
                    var at = grants.Slots[0];
                    if (at - now > maxWait)
                    {
                        return new ThrottleSlot(false, at);
                    }
                    grants.Slots.RemoveAt(0);
                    return new ThrottleSlot(true, at);
                }
                grants.Waiting++;
                granting = grants.Granting ??= Task.Run(() => GrantAsync(tenantId, grants), CancellationToken.None);
            }
            try
            {
                await granting.WaitAsync(ct);
            }
            finally
            {
                lock (grants)
                {
                    grants.Waiting--;
                }
            }
        }
    }

    /// <summary>A slot taken but not used (the conversation was not ready for it) goes back to the others.</summary>
    public void GiveBack(string tenantId, DateTimeOffset slot)
    {
        Grants? grants;
        lock (gate)
        {
            tenants.TryGetValue(tenantId, out grants);
        }
        if (grants is null)
        {
            return;
        }
        lock (grants)
        {
            grants.Add(slot);
        }
    }

    /// <summary>
    /// Teams throttled the whole tenant: every instance waits out <paramref name="retryAfter"/>, not only the one that
    /// was told. The budget's next slot moves past the pause, and slots this instance holds expire meanwhile.
    /// </summary>
    public async Task PauseAsync(string tenantId, TimeSpan retryAfter, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await PauseAsync(db, tenantId, retryAfter, ct);
    }

    internal static Task PauseAsync(AppDbContext db, string tenantId, TimeSpan retryAfter, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync(OutboxSql.Pause, OutboxSql.Arguments(tenantId, (long)retryAfter.TotalMicroseconds), ct);

    /// <summary>True when a sender woke too late for its slot: sending now could crowd the next one's second.</summary>
    public bool Missed(DateTimeOffset slot) => time.GetUtcNow() > slot + Tolerance;

    /// <summary>One round trip for as many slots as sends are waiting, up to <see cref="LongestGrant"/> of the pace.</summary>
    private async Task GrantAsync(string tenantId, Grants grants)
    {
        try
        {
            int count;
            lock (grants)
            {
                var most = Math.Max(1, (int)(LongestGrant.TotalSeconds * options.Value.TenantRequestsPerSecond));
                count = Math.Clamp(grants.Waiting, 1, most);
            }
            var spacing = (long)Math.Ceiling(Spacing.TotalMicroseconds);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await SampleClockAsync(db);
            var before = time.GetUtcNow();
            var grant = await TakeGrantAsync(db, tenantId, count * spacing);
            clock.Observe(grant.Now, before, time.GetUtcNow());
            lock (grants)
            {
                for (var i = 0; i < count; i++)
                {
                    grants.Add(clock.ToLocal(grant.Start + i * spacing));
                }
            }
        }
        finally
        {
            lock (grants)
            {
                grants.Granting = null;
            }
        }
    }

    /// <summary>Samples the database's clock until a round trip was short enough to map slots precisely, five times at most.</summary>
    private async Task SampleClockAsync(AppDbContext db)
    {
        while (!clock.IsPrecise(Tolerance) && Interlocked.Decrement(ref clockSamplesLeft) >= 0)
        {
            var before = time.GetUtcNow();
            var now = (await db.Database.SqlQueryRaw<long>(OutboxSql.Now).ToListAsync()).Single();
            clock.Observe(now, before, time.GetUtcNow());
        }
    }

    /// <summary>The one statement of a grant: <paramref name="microseconds"/> of the tenant's budget, from its next free slot or now.</summary>
    internal static async Task<BudgetGrant> TakeGrantAsync(AppDbContext db, string tenantId, long microseconds) =>
        (await db.Database.SqlQueryRaw<BudgetGrant>(OutboxSql.Grant, tenantId, microseconds).ToListAsync()).Single();

    private sealed class Grants
    {
        /// <summary>This instance's slots, in this clock, in order.</summary>
        public List<DateTimeOffset> Slots { get; } = [];
        public Task? Granting { get; set; }
        public int Waiting { get; set; }

        public void Add(DateTimeOffset slot)
        {
            var at = Slots.BinarySearch(slot);
            Slots.Insert(at < 0 ? ~at : at, slot);
        }
    }
}

/// <summary>Where a grant starts and the database's now, in microseconds of its clock.</summary>
internal sealed class BudgetGrant
{
    public long Start { get; init; }
    public long Now { get; init; }
}
