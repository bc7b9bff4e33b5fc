using CommunityBot.Jobs;
using CommunityBot.Testing;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace CommunityBot.Tests.Jobs;

public sealed class RecurringJobTableTests
{
    [Fact]
    public async Task Hangfire_schedules_exactly_the_jobs_of_the_table_with_their_cron()
    {
        await using var app = await BotApplication.StartAsync();

        using var connection = app.Services.GetRequiredService<Hangfire.JobStorage>().GetConnection();
        var scheduled = connection.GetRecurringJobs().Select(job => (job.Id, job.Cron)).Order().ToList();

        scheduled.ShouldBe(RecurringJobTable.All.Select(job => (job.Id, job.Cron)).Order().ToList());
    }

    [Fact]
    public async Task Every_job_of_the_table_can_be_resolved_to_run()
    {
        await using var app = await BotApplication.StartAsync();
        using var scope = app.Services.CreateScope();

        foreach (var job in RecurringJobTable.All)
        {
            scope.ServiceProvider.GetRequiredService(job.JobType).ShouldBeAssignableTo<IRecurringJob>(job.Id);
        }
    }

    [Fact]
    public void The_README_lists_every_recurring_job_with_its_schedule_and_no_other()
    {
        var readme = File.ReadAllLines(Path.Combine(NodeTools.RepositoryRoot, "README.md"));
        var section = readme.SkipWhile(line => line != "## Recurring jobs").Skip(1).TakeWhile(line => !line.StartsWith("## ", StringComparison.Ordinal));
        var rows = section.Where(line => line.StartsWith("| `", StringComparison.Ordinal))
            .Select(line => line.Split('|', StringSplitOptions.TrimEntries))
            .Select(cells => (Id: cells[1].Trim('`'), Cron: cells[2].Trim('`')))
            .Order().ToList();

        rows.ShouldBe(RecurringJobTable.All.Select(job => (job.Id, job.Cron)).Order().ToList());
    }
}
