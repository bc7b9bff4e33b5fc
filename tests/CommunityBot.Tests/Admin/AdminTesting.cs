using CommunityBot.Admin;

namespace CommunityBot.Tests.Admin;

/// <summary>Automation keys as a tenant admin would have made them, stored straight in the database.</summary>
internal static class AdminTesting
{
    /// <summary>Stores a key of <paramref name="tenant"/> (revoked when asked) and returns the secret its holder sends.</summary>
    public static Task<string> AddAutomationKeyAsync(this BotApplication app, string tenant, bool revoked = false) =>
        app.QueryAsync(async db =>
        {
            var secret = AutomationKey.NewSecret();
            db.Add(new AutomationKey
            {
                TenantId = tenant,
                Name = "nightly sync",
                Hash = AutomationKey.HashOf(secret),
                CreatedAt = BotApplication.Start.ToUnixTimeMilliseconds(),
                RevokedAt = revoked ? BotApplication.Start.ToUnixTimeMilliseconds() : null,
            });
            await db.SaveChangesAsync();
            return secret;
        });
}
