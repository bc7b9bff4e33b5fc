using System.Diagnostics;
using System.Net;
using CommunityBot.Agreements;
using CommunityBot.Delivery;
using CommunityBot.Testing;
using CommunityBot.Tests.Agreements;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;
using static CommunityBot.Tests.Agreements.AgreementWorld;

namespace CommunityBot.Tests.Delivery;

/// <summary>
/// Teams' connector hanging or failing every send: button presses are answered from the database at once (they never
/// wait for the connector), each hanging call ends at <c>Bot:ConnectorTimeout</c>, and the outbox delivers afterwards.
/// </summary>
public sealed class ConnectorOutageTests
{
    private static readonly TimeSpan ConnectorTimeout = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task While_every_send_hangs_or_fails_presses_are_answered_at_once_and_each_message_is_delivered_once_afterwards()
    {
        await using var app = await BotApplication.StartAsync(s =>
        {
            s["Bot:ConnectorTimeout"] = "00:00:05";
            // Six presses and the dispatcher contend for SQLite's write lock; on a loaded machine that must not be a 503 here.
            s["Storage:RequestTimeout"] = "00:00:30";
        });
        var world = await CreateAsync(app);
        foreach (var text in new[] { "Toets H4 nakijken", "Oefenbundel delen", "Rubric bijwerken" })
        {
            await world.RecordViaCardAsync("Finish", text, $"{world.Id(Megan)},{world.Id(Adele)}");
        }
        var agreements = await app.QueryAsync(db => db.Agreements.Select(a => a.Id).ToListAsync());
        await app.DeliveryIdleAsync();
        var outage = new ConnectorOutage { Hanging = true };
        app.Connector.AddPolicy(outage);
        var before = app.Connector.SentActivities.Count;

        // Six presses at once, each of which enqueues a channel update and the coach's alert for help.
        var presses = agreements.SelectMany(id => new[] { (id, Megan, AgreementAnswers.Done), (id, Adele, AgreementAnswers.NeedHelp) })
            .Select(async press =>
            {
                var watch = Stopwatch.StartNew();
                var answer = await app.InvokeAsync(app.Teams.Execute(AgreementVerbs.Answer, new AnswerData(press.id, press.Item3, AgreementCardViews.Reminder), $"card-{press.id}", press.Item2));
                return (Answer: answer, watch.Elapsed);
            })
            .ToList();
        var answered = await Task.WhenAll(presses);

        // Had a press waited for a send, it would have taken the whole connector timeout.
        answered.ShouldAllBe(a => a.Elapsed < ConnectorTimeout && a.Answer.StatusCode == 200);
        TestContext.Current.TestOutputHelper?.WriteLine($"Connector hanging: 6 parallel presses answered in at most {answered.Max(a => a.Elapsed).TotalMilliseconds:F0} ms");
        await app.DeliveryIdleAsync();
        outage.Hanging = false;
        outage.Failing = true;
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await app.DeliveryIdleAsync();
        outage.Failing = false;
        await app.AdvanceUntilAsync(app.AllSettledAsync, TimeSpan.FromSeconds(5), TimeSpan.FromHours(1));

        var outbox = await app.OutboxAsync();
        outbox.ShouldAllBe(m => m.State == OutboxState.Sent);
        outbox.ShouldContain(m => m.Attempts > 0, "the sends during the outage were retried");
        app.Connector.Requests.ShouldContain(r => r.StatusCode == 503);
        // The coach's three help alerts, each accepted by Teams once (a 503 took nothing).
        string[] coachChats = [TeamsActivities.PersonalChatOf(Coach), $"a:1on1-{Coach.Id}"];
        app.Connector.SentActivities.Skip(before).Count(r => coachChats.Contains(r.ConversationId)).ShouldBe(3);
        outbox.Count(m => m.Purpose == "agreement-answer").ShouldBe(3);
    }

    /// <summary>Every send or update hangs (then fails: Teams took nothing), or fails at once with 503.</summary>
    private sealed class ConnectorOutage : IFakeConnectorPolicy
    {
        public bool Hanging { get; set; }

        public bool Failing { get; set; }

        public FakeConnectorDecision? Decide(FakeConnectorRequest request) =>
            request.Operation is not (FakeConnectorOperation.SendToConversation or FakeConnectorOperation.UpdateActivity or FakeConnectorOperation.CreateConversation)
                ? null
                : Hanging ? FakeConnectorDecision.Fail(HttpStatusCode.ServiceUnavailable) with { Delay = TimeSpan.FromDays(1) }
                : Failing ? FakeConnectorDecision.Fail(HttpStatusCode.ServiceUnavailable)
                : null;
    }
}
