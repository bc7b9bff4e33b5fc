using CommunityBot.Agreements;
using CommunityBot.Communities;
using CommunityBot.Conversations;
using CommunityBot.Localization;
using CommunityBot.People;
using CommunityBot.Schedule;
using CommunityBot.SessionAttendance;
using CommunityBot.Sessions;
using CommunityBot.Storage;
using CommunityBot.Teams.Connector;
using CommunityBot.Tenants;
using CommunityBot.Testing;
using CommunityBot.Delivery;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CommunityBot.LoadTests;

/// <summary>One member under load: who they are in Teams, their 1:1 chat and the agreement their reminder is about.</summary>
internal sealed record LoadMember(int Index, string UserId, string AadObjectId, string ConversationId, long PersonId, long AgreementId, Language Language)
{
    public string Locale => Language == Language.English ? "en-US" : "nl-BE";
}

/// <summary>
/// The database the host runs on: one community of N members (every other one English) and a coach, each member with a
/// 1:1 chat and one open agreement of their own due at the next session, and each reminder handed to the outbox by
/// the real reminder sweep, so that the host's own dispatcher delivers the cards the members then press.
/// </summary>
internal sealed class LoadWorld : IAsyncDisposable
{
    public const string TenantId = "5f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f";

    /// <summary>
    /// The sweep runs at Tuesday 10 March 2026, 10:00 in Brussels, a school day at an hour the bot may write, whatever
    /// the real clock says; the rows it writes are due at once for the host, which runs on the real clock.
    /// </summary>
    private static readonly DateTimeOffset SweepMoment = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider services;

    private LoadWorld(ServiceProvider services, IReadOnlyList<LoadMember> members) => (this.services, Members) = (services, members);

    public IReadOnlyList<LoadMember> Members { get; }

    public static async Task<LoadWorld> CreateAsync(IReadOnlyDictionary<string, string?> storage, FakeTeamsConnector teams, int count)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(storage).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<TimeProvider>(new FakeTimeProvider(SweepMoment))
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning).AddFilter("Microsoft.EntityFrameworkCore.Database.Connection", LogLevel.None).AddConsole())
            .AddStorage(configuration)
            .AddTeamsConnector()
            .AddDelivery(configuration)
            .AddCommunities()
            .AddSessions()
            .AddSchedule()
            .AddTenants()
            .AddAgreements()
            .AddSessionAttendance()
            .AddScoped<ReminderSweep>()
            .BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.Database.MigrateAsync();
        var members = await SeedRowsAsync(db, teams, count);
        await scope.ServiceProvider.GetRequiredService<ReminderSweep>().RunAsync(CancellationToken.None);
        return new LoadWorld(services, members);
    }

    /// <summary>
    /// Members whose rows do not show exactly what their presses were answered with: one history row per answer
    /// (done or need help) and per undo, and their own answer where the last press left it.
    /// </summary>
    public async Task<IReadOnlyList<string>> MismatchesAsync(IReadOnlyList<(LoadMember Member, MemberTally Tally)> pressed)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ids = pressed.Select(p => p.Member.AgreementId).ToList();
        var changes = (await db.AgreementChanges.AsNoTracking().Where(c => ids.Contains(c.AgreementId)).Select(c => new { c.AgreementId, c.Kind, c.To }).ToListAsync())
            .ToLookup(c => c.AgreementId);
        var owners = await db.Set<AgreementOwner>().AsNoTracking().Where(o => ids.Contains(o.AgreementId)).ToDictionaryAsync(o => o.AgreementId, o => o.Status);
        return [.. pressed.Select(p =>
        {
            var rows = changes[p.Member.AgreementId].ToList();
            var done = rows.Count(c => c.Kind == AgreementChangeKind.Answer && c.To == AgreementStatus.Done);
            var help = rows.Count(c => c.Kind == AgreementChangeKind.Answer && c.To == AgreementStatus.NeedHelp);
            var undone = rows.Count(c => c.Kind == AgreementChangeKind.Undone);
            var status = owners[p.Member.AgreementId];
            return (done, help, undone, status) == (p.Tally.Done, p.Tally.Help, p.Tally.Undos, p.Tally.Status)
                ? null
                : $"member {p.Member.Index}: answered done {p.Tally.Done}, help {p.Tally.Help}, undo {p.Tally.Undos}, now {p.Tally.Status}; "
                    + $"stored done {done}, help {help}, undo {undone}, now {status}";
        }).OfType<string>()];
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    private static async Task<IReadOnlyList<LoadMember>> SeedRowsAsync(AppDbContext db, FakeTeamsConnector teams, int count)
    {
        var joined = SweepMoment.AddDays(-60);
        var community = new Community { TenantId = TenantId, Name = "Belasting 1e graad", CreatedAt = joined };
        var coach = new Person { TenantId = TenantId, TeamsUserId = "29:load-coach", AadObjectId = "aad-load-coach", DisplayName = "Coach", FirstSeenAt = joined };
        var people = Enumerable.Range(0, count).Select(i => new Person
        {
            TenantId = TenantId,
            TeamsUserId = $"29:load-{i}",
            AadObjectId = $"aad-load-{i}",
            DisplayName = $"Leerkracht {i}",
            Language = i % 2 == 0 ? Language.Dutch : Language.English,
            LanguageChosen = true,
            FirstSeenAt = joined,
        }).ToList();
        db.AddRange(people.Select(p => new Membership { Community = community, Person = p, Role = CommunityRole.Member, JoinedAt = joined }));
        db.Add(new Membership { Community = community, Person = coach, Role = CommunityRole.Coach, JoinedAt = joined });
        var held = new Session { Community = community, StartsAt = SweepMoment.AddDays(-21), Status = SessionStatus.Held, CreatedAt = joined };
        // After the sweep's moment and after the real clock: the agreements stay open for the whole run.
        var next = new Session { Community = community, StartsAt = TimeProvider.System.GetUtcNow().AddDays(21), CreatedAt = joined };
        db.AddRange(held, next);
        await db.SaveChangesAsync();

        var chats = people.Append(coach).Select(p => new Conversation
        {
            TenantId = TenantId,
            ConversationId = $"a:1on1-{p.TeamsUserId}",
            ServiceUrl = teams.ServiceUrl,
            Kind = ConversationKind.Personal,
            PersonId = p.Id,
            InstalledAt = joined,
        }).ToList();
        db.AddRange(chats);
        chats.ForEach(c => teams.AddConversation(c.ConversationId, TenantId));
        var agreements = people.Select(p =>
        {
            var agreement = new Agreement
            {
                CommunityId = community.Id,
                MadeAtSessionId = held.Id,
                DueSessionId = next.Id,
                Text = $"Lesvoorbereiding {p.DisplayName} delen",
                RecordedByPersonId = coach.Id,
                CreatedAt = held.StartsAt,
                UpdatedAt = held.StartsAt,
            };
            agreement.Owners.Add(new AgreementOwner { PersonId = p.Id });
            return agreement;
        }).ToList();
        db.AddRange(agreements);
        await db.SaveChangesAsync();
        db.AddRange(agreements.Select(a => new ReminderPlan
        {
            AgreementId = a.Id,
            PersonId = a.Owners[0].PersonId,
            OffsetDays = 2,
            SessionId = next.Id,
            SessionVersion = 1,
            DueAt = SweepMoment,
            State = ReminderState.Planned,
            PlannedAt = joined,
        }));
        await db.SaveChangesAsync();
        return [.. people.Select((p, i) => new LoadMember(i, p.TeamsUserId!, p.AadObjectId!, chats[i].ConversationId, p.Id, agreements[i].Id, p.Language))];
    }
}
