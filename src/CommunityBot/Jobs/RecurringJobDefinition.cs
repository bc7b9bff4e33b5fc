namespace CommunityBot.Jobs;

/// <summary>One row of <see cref="RecurringJobTable"/>.</summary>
public sealed record RecurringJobDefinition(string Id, string Cron, Type JobType, string Description)
{
    private Action<IServiceCollection> register = _ => { };

    public static RecurringJobDefinition For<TJob>(string id, string cron, string description) where TJob : class, IRecurringJob =>
        new(id, cron, typeof(TJob), description) { register = services => services.AddRecurringJob<TJob>(id, cron) };

    internal void Register(IServiceCollection services) => register(services);
}
