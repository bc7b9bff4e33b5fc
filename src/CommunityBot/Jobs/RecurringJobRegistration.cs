using Hangfire;

namespace CommunityBot.Jobs;

internal sealed record RecurringJobRegistration(string Id, string Cron, Action<IRecurringJobManager> Register);
