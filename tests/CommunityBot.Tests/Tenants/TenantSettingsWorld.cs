using CommunityBot.Localization;
using CommunityBot.Teams.Cards;
using CommunityBot.Teams.Schema;
using CommunityBot.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityBot.Tests.Tenants;

/// <summary>What the settings tests share: making someone a tenant admin, and the settings card's save with every input.</summary>
internal static class TenantSettingsWorld
{
    public static string Locale(Language language) => language == Language.English ? "en-US" : "nl-BE";

    public static Task MakeAdminAsync(BotApplication app, long personId) =>
        app.QueryAsync(db => db.People.Where(p => p.Id == personId).ExecuteUpdateAsync(set => set.SetProperty(p => p.IsTenantAdmin, true)));

    /// <summary>The card's inputs at the configured defaults, with <paramref name="changes"/> over them.</summary>
    public static Dictionary<string, object?> Form(params (string Input, string Value)[] changes)
    {
        Dictionary<string, object?> form = new()
        {
            ["languages"] = "nl,en",
            ["quietStart"] = "20:00",
            ["quietEnd"] = "08:00",
            ["holidays"] = "",
            ["k"] = "4",
            ["digestDay"] = "Monday",
            ["digestTime"] = "07:30",
            ["retention"] = "2",
        };
        foreach (var (input, value) in changes)
        {
            form[input] = value;
        }
        return form;
    }

    public static Task<InvokeResponse> SaveAsync(BotApplication app, ChannelAccount admin, Language language, params (string Input, string Value)[] changes) =>
        app.InvokeAsync(app.Teams.Execute(TenantSettingsVerbs.Save, Form(changes), "card-1", admin, Locale(language)));

    public static async Task<TenantSettings> SettingsAsync(BotApplication app, string tenantId = TeamsActivities.TenantId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ITenantSettings>().ForTenantAsync(tenantId, CancellationToken.None);
    }
}
