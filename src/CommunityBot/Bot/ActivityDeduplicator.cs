using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CommunityBot.Storage;
using CommunityBot.Teams.Cards;
using CommunityBot.Teams.Schema;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Bot;

/// <summary>Claims each incoming activity once in the database, so a redelivery by Teams has no second effect.</summary>
public sealed class ActivityDeduplicator(AppDbContext db, TimeProvider clock)
{
    public async Task<DedupeClaim> ClaimAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(activity.Id))
        {
            return DedupeClaim.Untracked;
        }
        var key = KeyOf(activity);
        var receivedAt = clock.GetUtcNow().ToUnixTimeMilliseconds();
        // ON CONFLICT DO NOTHING (SQLite and PostgreSQL alike): a redelivery is an expected outcome, not an error.
        var inserted = await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "ProcessedActivities" ("Key", "ReceivedAt") VALUES ({key}, {receivedAt}) ON CONFLICT ("Key") DO NOTHING""",
            cancellationToken);
        if (inserted == 1)
        {
            return new DedupeClaim(key, IsDuplicate: false, PreviousResponse: null);
        }
        var previous = await db.ProcessedActivities.AsNoTracking()
            .Where(p => p.Key == key).Select(p => p.InvokeResponseJson).FirstOrDefaultAsync(cancellationToken);
        return new DedupeClaim(key, IsDuplicate: true,
            previous is null ? null : JsonSerializer.Deserialize<InvokeResponse>(previous, TeamsJson.Options));
    }

    /// <summary>Keeps an invoke's answer so that a redelivered invoke gets the same card back.</summary>
    public async Task CompleteAsync(DedupeClaim claim, InvokeResponse? response, CancellationToken cancellationToken)
    {
        if (claim is { Key: { } key, IsDuplicate: false } && response is not null)
        {
            var json = JsonSerializer.Serialize(response, TeamsJson.Options);
            await db.ProcessedActivities.Where(p => p.Key == key)
                .ExecuteUpdateAsync(set => set.SetProperty(p => p.InvokeResponseJson, json), cancellationToken);
        }
    }

    /// <summary>Handling failed: forget the claim so that Teams' retry is handled afresh.</summary>
    public async Task ReleaseAsync(DedupeClaim claim)
    {
        if (claim is { Key: { } key, IsDuplicate: false })
        {
            await db.ProcessedActivities.Where(p => p.Key == key).ExecuteDeleteAsync(CancellationToken.None);
        }
    }

    private static string KeyOf(Activity activity)
    {
        // Ids are only unique within a tenant: another tenant's activity with the same ids is a different activity.
        var raw = $"{activity.TenantId}|{activity.ChannelId}|{activity.Conversation?.Id}|{activity.Id}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(raw)));
    }
}

public sealed record DedupeClaim(string? Key, bool IsDuplicate, InvokeResponse? PreviousResponse)
{
    public static readonly DedupeClaim Untracked = new(null, false, null);
}
