using CommunityBot.Admin;
using CommunityBot.Agreements;
using CommunityBot.Bot;
using CommunityBot.Briefings;
using CommunityBot.CheckIns;
using CommunityBot.Communities;
using CommunityBot.Communities.Import;
using CommunityBot.Delivery;
using CommunityBot.Demo;
using CommunityBot.Digests;
using CommunityBot.Intervision;
using CommunityBot.Intervision.Graph.StandIn;
using CommunityBot.Jobs;
using CommunityBot.Limits;
using CommunityBot.Nudges;
using CommunityBot.Operations;
using CommunityBot.Privacy;
using CommunityBot.Schedule;
using CommunityBot.SessionAttendance;
using CommunityBot.Sessions;
using CommunityBot.Storage;
using CommunityBot.Teams.Hosting;
using CommunityBot.Tenants;

var builder = WebApplication.CreateBuilder(args);

builder.AddTeamsBot();
builder.Services
    .AddStorage(builder.Configuration)
    .AddJobs(builder.Configuration)
    .AddOperations(builder.Configuration, builder.Environment)
    .AddAdmin(builder.Configuration, builder.Environment)
    .AddDelivery(builder.Configuration)
    .AddBot()
    .AddLimits()
    .AddTenants()
    .AddCommunities()
    .AddSessions()
    .AddSchedule()
    .AddAgreements()
    .AddSessionAttendance()
    .AddBriefings()
    .AddCheckIns(builder.Configuration, builder.Environment)
    .AddNudges()
    .AddDigests()
    .AddIntervision(builder.Configuration, builder.Environment)
    .AddPrivacy()
    .AddDemo(builder.Configuration, builder.Environment);

var app = builder.Build();

app.MapBotMessages();
app.MapHealth();
app.MapJobsDashboard();
app.MapDeliveryAdmin();
app.MapCommunityImport();
app.MapAutomationKeys();
app.MapCheckInInstrumentAdmin();
app.MapTenantOffboarding();
app.MapDataExport();
app.MapGraphStandIn();

app.Run();

public partial class Program;
