using System.Globalization;
using CommunityBot.Agreements;
using CommunityBot.CheckIns;
using CommunityBot.Delivery;
using CommunityBot.Digests;
using CommunityBot.Intervision;
using CommunityBot.Localization;
using CommunityBot.People;
using CommunityBot.Privacy;
using CommunityBot.SessionAttendance;
using CommunityBot.Sessions;
using CommunityBot.Tests.CheckIns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using CommunityBot.Tests.Agreements;
using static CommunityBot.Tests.Agreements.AgreementWorld;

namespace CommunityBot.Tests.Privacy;

/// <summary>"Delete my data": a card first, then nothing of the person in any table, and the group keeps what is theirs.</summary>
public sealed class PersonErasureTests
{
    private static readonly string[] ChangesOnEveryRequest = ["ProcessedActivities"];

    [Theory]
    [InlineData(Language.Dutch, "verwijder mijn gegevens", "Al je gegevens verwijderen?", "Ja, verwijder al mijn gegevens", "Je gegevens zijn verwijderd.")]
    [InlineData(Language.English, "delete my data", "Delete all your data?", "Yes, delete all my data", "Your data has been deleted.")]
    public async Task After_the_card_and_the_press_nothing_of_the_person_is_left_in_any_table(
        Language language, string command, string title, string button, string erased)
    {
        var (app, world) = await CheckInWorld.CreateAsync(language);
        await using var _ = app;
        var megan = world.Id(Megan);
        var pseudonym = await CheckInWorld.WithAsync(app, sp => Task.FromResult(sp.GetRequiredService<CheckInPseudonyms>().For(world.CommunityId, megan)));
        await LiveAPartOfLifeAsync(app, world, language);

        await app.PostAsync(app.Teams.Message(command, Megan, CheckInWorld.Locale(language)));
        var card = world.LastReplyCard();
        card.ShouldContain(title);
        card.ShouldContain(button);
        var answer = await app.InvokeAsync(app.Teams.Execute(PrivacyVerbs.ConfirmErase, new EraseData(megan), "card-9", Megan, CheckInWorld.Locale(language)));

        CardJson(answer).ShouldContain(erased);
        var traces = new[] { Megan.Name!, Megan.AadObjectId!, Megan.Id, TeamsActivities.PersonalChatOf(Megan), pseudonym, "megan@school.be" };
        (await LeftoversAsync(app, megan, traces)).ShouldBeEmpty();
        // What is the group's stays: the agreement's text, Adele's ownership, her answer and her check-in answer.
        (await app.QueryAsync(db => db.Agreements.Select(a => a.Text).ToListAsync())).ShouldContain("Toets hoofdstuk 4 nakijken");
        (await app.QueryAsync(db => db.Set<AgreementOwner>().Select(o => o.PersonId).Distinct().ToListAsync())).ShouldBe([world.Id(Adele)]);
        (await CheckInWorld.ResponseCountAsync(app)).ShouldBe(1);
        (await app.QueryAsync(db => db.Memberships.CountAsync())).ShouldBe(3);
    }

    [Fact]
    public async Task Messaging_again_after_erasure_starts_a_fresh_person_who_belongs_nowhere()
    {
        var (app, world) = await CheckInWorld.CreateAsync();
        await using var _ = app;
        var megan = world.Id(Megan);
        await app.PostAsync(app.Teams.InstallPersonal(Megan));
        await app.InvokeAsync(app.Teams.Execute(PrivacyVerbs.ConfirmErase, new EraseData(megan), "card-9", Megan));

        await app.PostAsync(app.Teams.Message("help", Megan));

        var fresh = await app.QueryAsync(db => db.People.AsNoTracking().SingleAsync(p => p.TeamsUserId == Megan.Id));
        fresh.Id.ShouldNotBe(megan);
        (await app.QueryAsync(db => db.Memberships.CountAsync(m => m.PersonId == fresh.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task In_a_channel_the_command_points_to_the_personal_chat_and_shows_no_card()
    {
        var (app, world) = await CheckInWorld.CreateAsync();
        await using var _ = app;

        await app.PostAsync(app.Teams.ChannelMention("verwijder mijn gegevens", Megan));

        world.LastReplyText().ShouldStartWith("Je gegevens bekijken of wissen kan alleen in je 1-op-1-gesprek met mij");
    }

    [Fact]
    public async Task Another_persons_card_and_the_last_coach_are_refused_and_nothing_changes()
    {
        var (app, world) = await CheckInWorld.CreateAsync();
        await using var _ = app;
        var before = await DatabaseSnapshot.TakeAsync(app, ChangesOnEveryRequest);

        var forged = await app.InvokeAsync(app.Teams.Execute(PrivacyVerbs.ConfirmErase, new EraseData(world.Id(Megan)), "card-9", Adele));
        var coach = await app.InvokeAsync(app.Teams.Execute(PrivacyVerbs.ConfirmErase, new EraseData(world.Id(Coach)), "card-9", Coach));

        MessageText(forged).ShouldBe("Deze kaart hoort niet (meer) bij jou. Er is niets verwijderd.");
        MessageText(coach).ShouldStartWith("Je bent de enige procescoach van Wiskunde eerste graad.");
        (await DatabaseSnapshot.TakeAsync(app, ChangesOnEveryRequest)).ShouldBe(before);
    }

    /// <summary>Megan in every table a member can reach: chats, agreements, answers, check-ins, regrets, attendance, digests, intervision, the outbox.</summary>
    internal static async Task LiveAPartOfLifeAsync(BotApplication app, AgreementWorld world, Language language)
    {
        var megan = world.Id(Megan);
        await app.PostAsync(app.Teams.InstallPersonal(Megan, CheckInWorld.Locale(language)));
        await world.RecordViaCardAsync("Finish", "Toets hoofdstuk 4 nakijken", $"{megan},{world.Id(Adele)}", $"{world.Id(Tom)}");
        await world.RecordViaCardAsync("Provide", "Oefenbundel delen", $"{world.Id(Adele)}", $"{megan}");
        var agreement = await app.QueryAsync(db => db.Agreements.Where(a => a.Text == "Toets hoofdstuk 4 nakijken").Select(a => a.Id).SingleAsync());
        await app.InvokeAsync(app.Teams.Execute(AgreementVerbs.Answer, new Dictionary<string, object?>
        {
            ["agreementId"] = agreement, ["answer"] = AgreementAnswers.NeedHelp, ["view"] = AgreementCardViews.Reminder,
            [ReminderCard.CommentInputId(agreement)] = "Welk hoofdstuk?",
        }, "card-3", Megan, CheckInWorld.Locale(language)));
        var checkIn = await CheckInWorld.OpenAsync(app, world.CommunityId);
        await CheckInWorld.AnswerAsync(app, CheckInWorld.Form(app, checkIn, world.CommunityId, 4, "Meer tijd samen"), Megan, language);
        await CheckInWorld.AnswerAsync(app, CheckInWorld.Form(app, checkIn, world.CommunityId, 3), Adele, language);
        await app.QueryAsync(async db =>
        {
            var now = app.Clock.GetUtcNow();
            await db.People.Where(p => p.Id == megan).ExecuteUpdateAsync(s => s.SetProperty(p => p.Email, "megan@school.be"));
            db.Set<Regret>().Add(new Regret { SessionId = world.NextSessionId, PersonId = megan, Reason = "Oudercontact", At = now });
            db.Set<Attendance>().Add(new Attendance { SessionId = world.HeldSessionId, PersonId = megan, Present = true, RecordedByPersonId = world.Id(Coach), RecordedAt = now });
            db.Set<Attendance>().Add(new Attendance { SessionId = world.HeldSessionId, PersonId = world.Id(Adele), Present = true, RecordedByPersonId = megan, RecordedAt = now });
            db.Set<DigestOptOut>().Add(new DigestOptOut { PersonId = megan, Since = now });
            var group = new IntervisionGroup { TenantId = TeamsActivities.TenantId, Name = "Intervisie", CoachTheCoachId = world.Id(Coach), CreatedAt = now };
            group.Members.Add(new IntervisionGroupMember { PersonId = megan });
            db.Add(group);
            // A coach's alert naming her, not yet sent; and one already delivered.
            db.Set<OutboxMessage>().AddRange(
                new OutboxMessage { DedupeKey = "test:pending", TenantId = TeamsActivities.TenantId, PersonId = world.Id(Coach), Text = "Megan Bowen vraagt hulp", Purpose = "test", State = OutboxState.Pending,
                    NextAttemptAt = now.AddDays(1).ToUnixTimeMilliseconds() },
                new OutboxMessage { DedupeKey = "test:sent", TenantId = TeamsActivities.TenantId, PersonId = world.Id(Coach), Text = "Megan Bowen kan niet komen", Purpose = "test", State = OutboxState.Sent, ActivityId = "act-1" });
            return await db.SaveChangesAsync();
        });
        await app.DeliveryIdleAsync();
    }

    /// <summary>
    /// Every table of the model, found by reflection so a table added later is covered: no column that points at a person
    /// holds the erased id, and no text column holds any of their traces.
    /// </summary>
    internal static Task<List<string>> LeftoversAsync(BotApplication app, long personId, string[] traces) =>
        app.QueryAsync(async db =>
        {
            var found = new List<string>();
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null))
            {
                var table = entity.GetTableName()!;
                var personColumns = entity.GetForeignKeys().Where(fk => fk.PrincipalEntityType.ClrType == typeof(Person))
                    .SelectMany(fk => fk.Properties).Concat(entity.GetProperties().Where(p => PointsAtAPerson(p.Name)))
                    .Select(p => p.GetColumnName()).ToHashSet();
                if (entity.ClrType == typeof(Person))
                {
                    personColumns.Add("Id");
                }
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT * FROM \"{table}\"";
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    for (var i = 0; i < reader.FieldCount; i++)
                    {
                        var value = reader.GetValue(i);
                        var column = reader.GetName(i);
                        if (personColumns.Contains(column) && value is long id && id == personId)
                        {
                            found.Add($"{table}.{column} = {personId}");
                        }
                        if (value is string text && traces.FirstOrDefault(t => text.Contains(t, StringComparison.OrdinalIgnoreCase)) is { } trace)
                        {
                            found.Add($"{table}.{column} holds '{trace}'");
                        }
                    }
                }
            }
            return found;
        });

    /// <summary>Columns that name a person without a foreign key (history, plans, the outbox): by the model's naming.</summary>
    private static bool PointsAtAPerson(string column) =>
        column.EndsWith("PersonId", StringComparison.Ordinal) || column.EndsWith("ById", StringComparison.Ordinal)
        || column is "OrganizerId" or "CoachTheCoachId";
}
