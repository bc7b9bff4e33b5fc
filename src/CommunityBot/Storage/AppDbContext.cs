using CommunityBot.Agreements;
using CommunityBot.Briefings;
using CommunityBot.CheckIns;
using CommunityBot.Communities;
using CommunityBot.Conversations;
using CommunityBot.Nudges;
using CommunityBot.People;
using CommunityBot.SessionAttendance;
using CommunityBot.Sessions;
using Microsoft.EntityFrameworkCore;

namespace CommunityBot.Storage;

/// <summary>
/// The application database. Provider-specific subclasses exist only so that SQLite and PostgreSQL each
/// keep their own migrations; the model is the same.
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Conversation> Conversations => Set<Conversation>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<ProcessedActivity> ProcessedActivities => Set<ProcessedActivity>();
    public DbSet<School> Schools => Set<School>();
    public DbSet<Community> Communities => Set<Community>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<CommunityChange> CommunityChanges => Set<CommunityChange>();
    public DbSet<Session> Sessions => Set<Session>();
    public DbSet<Attendance> Attendance => Set<Attendance>();
    public DbSet<Regret> Regrets => Set<Regret>();
    public DbSet<Agreement> Agreements => Set<Agreement>();
    public DbSet<AgreementChange> AgreementChanges => Set<AgreementChange>();
    public DbSet<ReminderPlan> ReminderPlans => Set<ReminderPlan>();
    public DbSet<AgreementSummary> AgreementSummaries => Set<AgreementSummary>();
    public DbSet<BriefingPlan> BriefingPlans => Set<BriefingPlan>();
    public DbSet<CadenceDeadline> CadenceDeadlines => Set<CadenceDeadline>();
    public DbSet<RecordNudgePlan> RecordNudgePlans => Set<RecordNudgePlan>();
    public DbSet<CloseLoopPlan> CloseLoopPlans => Set<CloseLoopPlan>();
    public DbSet<CheckIn> CheckIns => Set<CheckIn>();
    public DbSet<CheckInPlan> CheckInPlans => Set<CheckInPlan>();
    public DbSet<CheckInResponse> CheckInResponses => Set<CheckInResponse>();
    public DbSet<CheckInAnswer> CheckInAnswers => Set<CheckInAnswer>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<string>().HaveConversion<StoredTextConverter>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);
