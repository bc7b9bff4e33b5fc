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
        var row = new ProcessedActivity { Key = key, ReceivedAt = clock.GetUtcNow() };
        db.ProcessedActivities.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new DedupeClaim(row.Id, IsDuplicate: false, PreviousResponse: null);
        }
        catch (DbUpdateException)
        {
            db.Entry(row).State = EntityState.Detached;
            var previous = await db.ProcessedActivities.AsNoTracking()
                .Where(p => p.Key == key).Select(p => p.InvokeResponseJson).FirstOrDefaultAsync(cancellationToken);
            return new DedupeClaim(null, IsDuplicate: true,
                previous is null ? null : JsonSerializer.Deserialize<InvokeResponse>(previous, TeamsJson.Options));
        }
    }

    /// <summary>Keeps an invoke's answer so that a redelivered invoke gets the same card back.</summary>
    public async Task CompleteAsync(DedupeClaim claim, InvokeResponse? response, CancellationToken cancellationToken)
    {
        if (claim.RowId is { } id && response is not null)
        {
            var json = JsonSerializer.Serialize(response, TeamsJson.Options);
            await db.ProcessedActivities.Where(p => p.Id == id)
                .ExecuteUpdateAsync(set => set.SetProperty(p => p.InvokeResponseJson, json), cancellationToken);
        }
    }

    /// <summary>Handling failed: forget the claim so that Teams' retry is handled afresh.</summary>
    public async Task ReleaseAsync(DedupeClaim claim)
    {
        if (claim.RowId is { } id)
        {
            await db.ProcessedActivities.Where(p => p.Id == id).ExecuteDeleteAsync(CancellationToken.None);
        }
    }

    private static string KeyOf(Activity activity)
    {
        var raw = $"{activity.ChannelId}|{activity.Conversation?.Id}|{activity.Id}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(raw)));
    }
}

public sealed record DedupeClaim(long? RowId, bool IsDuplicate, InvokeResponse? PreviousResponse)
{
    public static readonly DedupeClaim Untracked = new(null, false, null);
}
