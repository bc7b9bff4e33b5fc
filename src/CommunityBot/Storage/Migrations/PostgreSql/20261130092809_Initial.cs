using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CommunityBot.Storage.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AgreementSummaries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CommunityId = table.Column<long>(type: "bigint", nullable: false),
                    SessionId = table.Column<long>(type: "bigint", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementSummaries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AutomationKeys",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    RevokedAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AutomationKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Communities",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Theme = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Goals = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Phase = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    TimeZone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    CadenceKind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CadenceCount = table.Column<int>(type: "integer", nullable: false),
                    SessionDuration = table.Column<TimeSpan>(type: "interval", nullable: false),
                    TeamId = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    ChannelConversationId = table.Column<long>(type: "bigint", nullable: true),
                    CheckInInstrumentVersion = table.Column<int>(type: "integer", nullable: false),
                    CheckInEveryWeeks = table.Column<int>(type: "integer", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Communities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Conversations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ConversationId = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    ServiceUrl = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    TeamId = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    ChannelId = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    BotId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    PersonId = table.Column<long>(type: "bigint", nullable: true),
                    InstalledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RemovedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    WelcomedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Conversations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DigestRuns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    WeekKey = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    MadeAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DigestRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OutboxMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DedupeKey = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ConversationRowId = table.Column<long>(type: "bigint", nullable: true),
                    PersonId = table.Column<long>(type: "bigint", nullable: true),
                    CardJson = table.Column<string>(type: "text", nullable: true),
                    Text = table.Column<string>(type: "text", nullable: true),
                    ReplacesDedupeKey = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Purpose = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Priority = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "bigint", nullable: false),
                    LastError = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    ClaimedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ClaimedUntil = table.Column<long>(type: "bigint", nullable: true),
                    ActivityId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    SentConversationId = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    SentConversationRowId = table.Column<long>(type: "bigint", nullable: true),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    SentAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProcessedActivities",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Key = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    ReceivedAt = table.Column<long>(type: "bigint", nullable: false),
                    InvokeResponseJson = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProcessedActivities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Schools",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Schools", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TenantBudgets",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    NextSlotAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TenantBudgets", x => x.TenantId);
                });

            migrationBuilder.CreateTable(
                name: "UnreachableRecipients",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RecipientKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ConversationRowId = table.Column<long>(type: "bigint", nullable: true),
                    PersonId = table.Column<long>(type: "bigint", nullable: true),
                    Reason = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    OutboxMessageId = table.Column<long>(type: "bigint", nullable: true),
                    MarkedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnreachableRecipients", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CadenceDeadlines",
                columns: table => new
                {
                    CommunityId = table.Column<long>(type: "bigint", nullable: false),
                    NudgeFrom = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CadenceDeadlines", x => x.CommunityId);
                    table.ForeignKey(
                        name: "FK_CadenceDeadlines_Communities_CommunityId",
                        column: x => x.CommunityId,
                        principalTable: "Communities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CheckIns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CommunityId = table.Column<long>(type: "bigint", nullable: false),
                    InstrumentVersion = table.Column<int>(type: "integer", nullable: false),
                    OpensAt = table.Column<long>(type: "bigint", nullable: false),
                    ClosesAt = table.Column<long>(type: "bigint", nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    InvitedCount = table.Column<int>(type: "integer", nullable: false),
                    ReminderDueAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CheckIns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CheckIns_Communities_CommunityId",
                        column: x => x.CommunityId,
                        principalTable: "Communities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Sessions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CommunityId = table.Column<long>(type: "bigint", nullable: false),
                    StartsAt = table.Column<long>(type: "bigint", nullable: false),
                    Duration = table.Column<TimeSpan>(type: "interval", nullable: false),
                    Location = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    OnlineUrl = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Sessions_Communities_CommunityId",
                        column: x => x.CommunityId,
                        principalTable: "Communities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "People",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TeamsUserId = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    AadObjectId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    DisplayName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    SchoolId = table.Column<long>(type: "bigint", nullable: true),
                    IsTenantAdmin = table.Column<bool>(type: "boolean", nullable: false),
                    Language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    LanguageChosen = table.Column<bool>(type: "boolean", nullable: false),
                    FirstSeenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_People", x => x.Id);
                    table.ForeignKey(
                        name: "FK_People_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "CheckInResponses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CheckInId = table.Column<long>(type: "bigint", nullable: false),
                    Pseudonym = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    KeyVersion = table.Column<int>(type: "integer", nullable: false),
                    Comment = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    AnsweredAt = table.Column<long>(type: "bigint", nullable: false),
                    ChangedAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CheckInResponses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CheckInResponses_CheckIns_CheckInId",
                        column: x => x.CheckInId,
                        principalTable: "CheckIns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Agreements",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CommunityId = table.Column<long>(type: "bigint", nullable: false),
                    MadeAtSessionId = table.Column<long>(type: "bigint", nullable: true),
                    DueSessionId = table.Column<long>(type: "bigint", nullable: true),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    WholeGroup = table.Column<bool>(type: "boolean", nullable: false),
                    WholeGroupDepends = table.Column<bool>(type: "boolean", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RecordedByPersonId = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Agreements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Agreements_Communities_CommunityId",
                        column: x => x.CommunityId,
                        principalTable: "Communities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Agreements_Sessions_DueSessionId",
                        column: x => x.DueSessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Agreements_Sessions_MadeAtSessionId",
                        column: x => x.MadeAtSessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "Attendance",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SessionId = table.Column<long>(type: "bigint", nullable: false),
                    PersonId = table.Column<long>(type: "bigint", nullable: false),
                    Present = table.Column<bool>(type: "boolean", nullable: false),
                    RecordedByPersonId = table.Column<long>(type: "bigint", nullable: true),
                    RecordedAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Attendance", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Attendance_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BriefingPlans",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SessionId = table.Column<long>(type: "bigint", nullable: false),
                    SessionVersion = table.Column<int>(type: "integer", nullable: false),
                    DueAt = table.Column<long>(type: "bigint", nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BriefingPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BriefingPlans_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CheckInPlans",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CommunityId = table.Column<long>(type: "bigint", nullable: false),
                    SessionId = table.Column<long>(type: "bigint", nullable: true),
                    OpensAt = table.Column<long>(type: "bigint", nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CheckInPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CheckInPlans_Communities_CommunityId",
                        column: x => x.CommunityId,
                        principalTable: "Communities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CheckInPlans_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "CloseLoopPlans",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SessionId = table.Column<long>(type: "bigint", nullable: false),
                    SessionVersion = table.Column<int>(type: "integer", nullable: false),
                    DueAt = table.Column<long>(type: "bigint", nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CloseLoopPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CloseLoopPlans_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RecordNudgePlans",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SessionId = table.Column<long>(type: "bigint", nullable: false),
                    SessionVersion = table.Column<int>(type: "integer", nullable: false),
                    DueAt = table.Column<long>(type: "bigint", nullable: false),
                    Until = table.Column<long>(type: "bigint", nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecordNudgePlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RecordNudgePlans_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CommunityChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CommunityId = table.Column<long>(type: "bigint", nullable: false),
                    ByPersonId = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    SubjectPersonId = table.Column<long>(type: "bigint", nullable: true),
                    OldValue = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    NewValue = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommunityChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommunityChanges_Communities_CommunityId",
                        column: x => x.CommunityId,
                        principalTable: "Communities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CommunityChanges_People_ByPersonId",
                        column: x => x.ByPersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CommunityChanges_People_SubjectPersonId",
                        column: x => x.SubjectPersonId,
                        principalTable: "People",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "DigestOptOuts",
                columns: table => new
                {
                    PersonId = table.Column<long>(type: "bigint", nullable: false),
                    Since = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DigestOptOuts", x => x.PersonId);
                    table.ForeignKey(
                        name: "FK_DigestOptOuts_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IntervisionGroups",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CoachTheCoachId = table.Column<long>(type: "bigint", nullable: false),
                    CadenceWeeks = table.Column<int>(type: "integer", nullable: false),
                    DurationMinutes = table.Column<int>(type: "integer", nullable: false),
                    WorkingDays = table.Column<int>(type: "integer", nullable: false),
                    DayStart = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    DayEnd = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    TimeZone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Language = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    NextProposalAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntervisionGroups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IntervisionGroups_People_CoachTheCoachId",
                        column: x => x.CoachTheCoachId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Memberships",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CommunityId = table.Column<long>(type: "bigint", nullable: false),
                    PersonId = table.Column<long>(type: "bigint", nullable: false),
                    Role = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    JoinedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LeftAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PausedFrom = table.Column<long>(type: "bigint", nullable: true),
                    PausedUntil = table.Column<long>(type: "bigint", nullable: true),
                    PauseReason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Memberships", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Memberships_Communities_CommunityId",
                        column: x => x.CommunityId,
                        principalTable: "Communities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Memberships_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Regrets",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SessionId = table.Column<long>(type: "bigint", nullable: false),
                    PersonId = table.Column<long>(type: "bigint", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    At = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Regrets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Regrets_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Regrets_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TenantSettings",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Languages = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    QuietHoursStart = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    QuietHoursEnd = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    ExtraHolidays = table.Column<string>(type: "character varying(660)", maxLength: 660, nullable: true),
                    MinimumResponses = table.Column<int>(type: "integer", nullable: true),
                    DigestDay = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    DigestTime = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    RetentionSchoolYears = table.Column<int>(type: "integer", nullable: true),
                    UpdatedAt = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedByPersonId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TenantSettings", x => x.TenantId);
                    table.ForeignKey(
                        name: "FK_TenantSettings_People_UpdatedByPersonId",
                        column: x => x.UpdatedByPersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "TenantSettingsChange",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TenantId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ByPersonId = table.Column<long>(type: "bigint", nullable: true),
                    At = table.Column<long>(type: "bigint", nullable: false),
                    Setting = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    OldValue = table.Column<string>(type: "character varying(660)", maxLength: 660, nullable: true),
                    NewValue = table.Column<string>(type: "character varying(660)", maxLength: 660, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TenantSettingsChange", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TenantSettingsChange_People_ByPersonId",
                        column: x => x.ByPersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "CheckInAnswers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ResponseId = table.Column<long>(type: "bigint", nullable: false),
                    ItemId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Value = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CheckInAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CheckInAnswers_CheckInResponses_ResponseId",
                        column: x => x.ResponseId,
                        principalTable: "CheckInResponses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AgreementChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    AgreementId = table.Column<long>(type: "bigint", nullable: false),
                    PersonId = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false),
                    From = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    To = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Comment = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Before = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    InReplyToId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgreementChanges_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AgreementChanges_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AgreementDependant",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgreementId = table.Column<long>(type: "bigint", nullable: false),
                    PersonId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementDependant", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgreementDependant_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AgreementDependant_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AgreementOwner",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgreementId = table.Column<long>(type: "bigint", nullable: false),
                    PersonId = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    AnsweredAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementOwner", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgreementOwner_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AgreementOwner_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReminderPlans",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AgreementId = table.Column<long>(type: "bigint", nullable: false),
                    PersonId = table.Column<long>(type: "bigint", nullable: false),
                    OffsetDays = table.Column<int>(type: "integer", nullable: false),
                    SessionId = table.Column<long>(type: "bigint", nullable: false),
                    SessionVersion = table.Column<int>(type: "integer", nullable: false),
                    DueAt = table.Column<long>(type: "bigint", nullable: true),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    PlannedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReminderPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReminderPlans_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IntervisionGroupMembers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    GroupId = table.Column<long>(type: "bigint", nullable: false),
                    PersonId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntervisionGroupMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IntervisionGroupMembers_IntervisionGroups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "IntervisionGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IntervisionGroupMembers_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IntervisionProposals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    GroupId = table.Column<long>(type: "bigint", nullable: false),
                    State = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    CreatedAt = table.Column<long>(type: "bigint", nullable: false),
                    VoteClosesAt = table.Column<long>(type: "bigint", nullable: false),
                    OrganizerId = table.Column<long>(type: "bigint", nullable: false),
                    OrganizerEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    ChosenSlotId = table.Column<long>(type: "bigint", nullable: true),
                    RetryAt = table.Column<long>(type: "bigint", nullable: true),
                    EventId = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    JoinUrl = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    StartsAt = table.Column<long>(type: "bigint", nullable: true),
                    EndsAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntervisionProposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IntervisionProposals_IntervisionGroups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "IntervisionGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IntervisionParticipants",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProposalId = table.Column<long>(type: "bigint", nullable: false),
                    PersonId = table.Column<long>(type: "bigint", nullable: false),
                    VotedAt = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntervisionParticipants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IntervisionParticipants_IntervisionProposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "IntervisionProposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IntervisionSlots",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProposalId = table.Column<long>(type: "bigint", nullable: false),
                    StartsAt = table.Column<long>(type: "bigint", nullable: false),
                    EndsAt = table.Column<long>(type: "bigint", nullable: false),
                    MissingPersonId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntervisionSlots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IntervisionSlots_IntervisionProposals_ProposalId",
                        column: x => x.ProposalId,
                        principalTable: "IntervisionProposals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IntervisionVotes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProposalId = table.Column<long>(type: "bigint", nullable: false),
                    PersonId = table.Column<long>(type: "bigint", nullable: false),
                    SlotId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IntervisionVotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IntervisionVotes_IntervisionSlots_SlotId",
                        column: x => x.SlotId,
                        principalTable: "IntervisionSlots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AgreementChanges_AgreementId",
                table: "AgreementChanges",
                column: "AgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_AgreementChanges_InReplyToId",
                table: "AgreementChanges",
                column: "InReplyToId");

            migrationBuilder.CreateIndex(
                name: "IX_AgreementChanges_PersonId",
                table: "AgreementChanges",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_AgreementDependant_AgreementId_PersonId",
                table: "AgreementDependant",
                columns: new[] { "AgreementId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AgreementDependant_PersonId",
                table: "AgreementDependant",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_AgreementOwner_AgreementId_PersonId",
                table: "AgreementOwner",
                columns: new[] { "AgreementId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AgreementOwner_PersonId",
                table: "AgreementOwner",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_CommunityId_Status",
                table: "Agreements",
                columns: new[] { "CommunityId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_DueSessionId",
                table: "Agreements",
                column: "DueSessionId");

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_MadeAtSessionId",
                table: "Agreements",
                column: "MadeAtSessionId");

            migrationBuilder.CreateIndex(
                name: "IX_AgreementSummaries_CommunityId_SessionId",
                table: "AgreementSummaries",
                columns: new[] { "CommunityId", "SessionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Attendance_SessionId_PersonId",
                table: "Attendance",
                columns: new[] { "SessionId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AutomationKeys_Hash",
                table: "AutomationKeys",
                column: "Hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AutomationKeys_TenantId",
                table: "AutomationKeys",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_BriefingPlans_SessionId",
                table: "BriefingPlans",
                column: "SessionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BriefingPlans_State_DueAt",
                table: "BriefingPlans",
                columns: new[] { "State", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CadenceDeadlines_NudgeFrom",
                table: "CadenceDeadlines",
                column: "NudgeFrom");

            migrationBuilder.CreateIndex(
                name: "IX_CheckInAnswers_ResponseId_ItemId",
                table: "CheckInAnswers",
                columns: new[] { "ResponseId", "ItemId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CheckInPlans_CommunityId",
                table: "CheckInPlans",
                column: "CommunityId");

            migrationBuilder.CreateIndex(
                name: "IX_CheckInPlans_SessionId",
                table: "CheckInPlans",
                column: "SessionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CheckInPlans_State_OpensAt",
                table: "CheckInPlans",
                columns: new[] { "State", "OpensAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CheckInResponses_CheckInId_Pseudonym",
                table: "CheckInResponses",
                columns: new[] { "CheckInId", "Pseudonym" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CheckInResponses_Pseudonym",
                table: "CheckInResponses",
                column: "Pseudonym");

            migrationBuilder.CreateIndex(
                name: "IX_CheckIns_CommunityId_OpensAt",
                table: "CheckIns",
                columns: new[] { "CommunityId", "OpensAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CheckIns_OneOpenPerCommunity",
                table: "CheckIns",
                column: "CommunityId",
                unique: true,
                filter: "\"State\" = 'Open'");

            migrationBuilder.CreateIndex(
                name: "IX_CheckIns_ReminderDueAt",
                table: "CheckIns",
                column: "ReminderDueAt");

            migrationBuilder.CreateIndex(
                name: "IX_CheckIns_State_ClosesAt",
                table: "CheckIns",
                columns: new[] { "State", "ClosesAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CloseLoopPlans_SessionId",
                table: "CloseLoopPlans",
                column: "SessionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CloseLoopPlans_State_DueAt",
                table: "CloseLoopPlans",
                columns: new[] { "State", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Communities_TenantId_Name",
                table: "Communities",
                columns: new[] { "TenantId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Communities_TenantId_TeamId",
                table: "Communities",
                columns: new[] { "TenantId", "TeamId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CommunityChanges_ByPersonId",
                table: "CommunityChanges",
                column: "ByPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_CommunityChanges_CommunityId_At",
                table: "CommunityChanges",
                columns: new[] { "CommunityId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_CommunityChanges_SubjectPersonId",
                table: "CommunityChanges",
                column: "SubjectPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_PersonId",
                table: "Conversations",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_TenantId_ConversationId",
                table: "Conversations",
                columns: new[] { "TenantId", "ConversationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_TenantId_TeamId",
                table: "Conversations",
                columns: new[] { "TenantId", "TeamId" });

            migrationBuilder.CreateIndex(
                name: "IX_DigestRuns_WeekKey_TenantId",
                table: "DigestRuns",
                columns: new[] { "WeekKey", "TenantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IntervisionGroupMembers_GroupId_PersonId",
                table: "IntervisionGroupMembers",
                columns: new[] { "GroupId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IntervisionGroupMembers_PersonId",
                table: "IntervisionGroupMembers",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_IntervisionGroups_CoachTheCoachId",
                table: "IntervisionGroups",
                column: "CoachTheCoachId");

            migrationBuilder.CreateIndex(
                name: "IX_IntervisionGroups_NextProposalAt",
                table: "IntervisionGroups",
                column: "NextProposalAt");

            migrationBuilder.CreateIndex(
                name: "IX_IntervisionGroups_TenantId_Name",
                table: "IntervisionGroups",
                columns: new[] { "TenantId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IntervisionParticipants_ProposalId_PersonId",
                table: "IntervisionParticipants",
                columns: new[] { "ProposalId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IntervisionProposals_GroupId_Open",
                table: "IntervisionProposals",
                column: "GroupId",
                unique: true,
                filter: "\"State\" IN ('Voting', 'AwaitingConfirmation', 'Chosen', 'Booking')");

            migrationBuilder.CreateIndex(
                name: "IX_IntervisionProposals_State_RetryAt",
                table: "IntervisionProposals",
                columns: new[] { "State", "RetryAt" });

            migrationBuilder.CreateIndex(
                name: "IX_IntervisionProposals_State_VoteClosesAt",
                table: "IntervisionProposals",
                columns: new[] { "State", "VoteClosesAt" });

            migrationBuilder.CreateIndex(
                name: "IX_IntervisionSlots_ProposalId",
                table: "IntervisionSlots",
                column: "ProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_IntervisionVotes_ProposalId_PersonId_SlotId",
                table: "IntervisionVotes",
                columns: new[] { "ProposalId", "PersonId", "SlotId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IntervisionVotes_SlotId",
                table: "IntervisionVotes",
                column: "SlotId");

            migrationBuilder.CreateIndex(
                name: "IX_Memberships_CommunityId_PersonId",
                table: "Memberships",
                columns: new[] { "CommunityId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Memberships_PersonId",
                table: "Memberships",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_DedupeKey",
                table: "OutboxMessages",
                column: "DedupeKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_ReplacesDedupeKey",
                table: "OutboxMessages",
                column: "ReplacesDedupeKey");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_State_NextAttemptAt",
                table: "OutboxMessages",
                columns: new[] { "State", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_State_Priority_NextAttemptAt",
                table: "OutboxMessages",
                columns: new[] { "State", "Priority", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_State_SentAt",
                table: "OutboxMessages",
                columns: new[] { "State", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_People_SchoolId",
                table: "People",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_People_TenantId_AadObjectId",
                table: "People",
                columns: new[] { "TenantId", "AadObjectId" },
                unique: true,
                filter: "\"AadObjectId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_People_TenantId_Email",
                table: "People",
                columns: new[] { "TenantId", "Email" });

            migrationBuilder.CreateIndex(
                name: "IX_People_TenantId_TeamsUserId",
                table: "People",
                columns: new[] { "TenantId", "TeamsUserId" },
                unique: true,
                filter: "\"TeamsUserId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ProcessedActivities_Key",
                table: "ProcessedActivities",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProcessedActivities_ReceivedAt",
                table: "ProcessedActivities",
                column: "ReceivedAt");

            migrationBuilder.CreateIndex(
                name: "IX_RecordNudgePlans_SessionId",
                table: "RecordNudgePlans",
                column: "SessionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RecordNudgePlans_State_DueAt",
                table: "RecordNudgePlans",
                columns: new[] { "State", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Regrets_PersonId",
                table: "Regrets",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_Regrets_SessionId_PersonId",
                table: "Regrets",
                columns: new[] { "SessionId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReminderPlans_AgreementId_PersonId_OffsetDays_SessionId_Ses~",
                table: "ReminderPlans",
                columns: new[] { "AgreementId", "PersonId", "OffsetDays", "SessionId", "SessionVersion" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReminderPlans_State_DueAt",
                table: "ReminderPlans",
                columns: new[] { "State", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Schools_TenantId_Name",
                table: "Schools",
                columns: new[] { "TenantId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Sessions_CommunityId_StartsAt",
                table: "Sessions",
                columns: new[] { "CommunityId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Sessions_Status_StartsAt",
                table: "Sessions",
                columns: new[] { "Status", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_TenantSettings_UpdatedByPersonId",
                table: "TenantSettings",
                column: "UpdatedByPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_TenantSettingsChange_ByPersonId",
                table: "TenantSettingsChange",
                column: "ByPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_TenantSettingsChange_TenantId_At",
                table: "TenantSettingsChange",
                columns: new[] { "TenantId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_UnreachableRecipients_RecipientKey",
                table: "UnreachableRecipients",
                column: "RecipientKey",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgreementChanges");

            migrationBuilder.DropTable(
                name: "AgreementDependant");

            migrationBuilder.DropTable(
                name: "AgreementOwner");

            migrationBuilder.DropTable(
                name: "AgreementSummaries");

            migrationBuilder.DropTable(
                name: "Attendance");

            migrationBuilder.DropTable(
                name: "AutomationKeys");

            migrationBuilder.DropTable(
                name: "BriefingPlans");

            migrationBuilder.DropTable(
                name: "CadenceDeadlines");

            migrationBuilder.DropTable(
                name: "CheckInAnswers");

            migrationBuilder.DropTable(
                name: "CheckInPlans");

            migrationBuilder.DropTable(
                name: "CloseLoopPlans");

            migrationBuilder.DropTable(
                name: "CommunityChanges");

            migrationBuilder.DropTable(
                name: "Conversations");

            migrationBuilder.DropTable(
                name: "DigestOptOuts");

            migrationBuilder.DropTable(
                name: "DigestRuns");

            migrationBuilder.DropTable(
                name: "IntervisionGroupMembers");

            migrationBuilder.DropTable(
                name: "IntervisionParticipants");

            migrationBuilder.DropTable(
                name: "IntervisionVotes");

            migrationBuilder.DropTable(
                name: "Memberships");

            migrationBuilder.DropTable(
                name: "OutboxMessages");

            migrationBuilder.DropTable(
                name: "ProcessedActivities");

            migrationBuilder.DropTable(
                name: "RecordNudgePlans");

            migrationBuilder.DropTable(
                name: "Regrets");

            migrationBuilder.DropTable(
                name: "ReminderPlans");

            migrationBuilder.DropTable(
                name: "TenantBudgets");

            migrationBuilder.DropTable(
                name: "TenantSettings");

            migrationBuilder.DropTable(
                name: "TenantSettingsChange");

            migrationBuilder.DropTable(
                name: "UnreachableRecipients");

            migrationBuilder.DropTable(
                name: "CheckInResponses");

            migrationBuilder.DropTable(
                name: "IntervisionSlots");

            migrationBuilder.DropTable(
                name: "Agreements");

            migrationBuilder.DropTable(
                name: "CheckIns");

            migrationBuilder.DropTable(
                name: "IntervisionProposals");

            migrationBuilder.DropTable(
                name: "Sessions");

            migrationBuilder.DropTable(
                name: "IntervisionGroups");

            migrationBuilder.DropTable(
                name: "Communities");

            migrationBuilder.DropTable(
                name: "People");

            migrationBuilder.DropTable(
                name: "Schools");
        }
    }
}
