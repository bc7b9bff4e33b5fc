using CommunityBot.Agreements;
using CommunityBot.CheckIns;
using CommunityBot.Briefings;
using CommunityBot.Delivery;
using CommunityBot.Digests;
using CommunityBot.Intervision;
using CommunityBot.Nudges;
using CommunityBot.Privacy;
using CommunityBot.Sessions;

namespace CommunityBot.Jobs;

/// <summary>
/// Every recurring job of the host in one place: id, schedule (cron, UTC) and what it does. <c>AddJobs</c> registers
/// exactly these; the README's job table is this one (a test keeps the two equal). A new timed feature adds its row here.
/// </summary>
public static class RecurringJobTable
{
    public static IReadOnlyList<RecurringJobDefinition> All { get; } =
    [
        RecurringJobDefinition.For<DispatchJob>(DispatchJob.Id, "* * * * *",
            "Safety net for the outbox: runs the dispatcher in case a wake-up was missed. The woken DeliveryWorker drives delivery."),
        RecurringJobDefinition.For<ReminderSweep>(ReminderSweep.JobId, "* * * * *",
            "Enqueues agreement reminders whose planned moment has come (outside quiet hours)."),
        RecurringJobDefinition.For<BriefingSweep>(BriefingSweep.JobId, "* * * * *",
            "Enqueues each coach's briefing the school day before a session, at 16:00 local time."),
        RecurringJobDefinition.For<NudgeSweep>(NudgeSweep.JobId, "* * * * *",
            "Asks coaches to record agreements after a session and to plan one when the cadence norm is about to pass."),
        RecurringJobDefinition.For<CloseLoopSweep>(CloseLoopSweep.JobId, "* * * * *",
            "Sends each coach a session's close-the-loop card the evening after it (19:30 local, or an hour after its end)."),
        RecurringJobDefinition.For<CheckInSweep>(CheckInSweep.JobId, "* * * * *",
            "Closes check-ins whose window passed, opens those planned the school morning after a held session, sends the one reminder."),
        RecurringJobDefinition.For<DigestSweep>(DigestSweep.JobId, "* * * * *",
            "Makes each tenant's weekly digests once at their local moment (Monday 07:30 by default; first school day, none in holiday weeks) and enqueues them."),
        RecurringJobDefinition.For<IntervisionSweep>(IntervisionSweep.JobId, "* * * * *",
            "Closes intervision votes whose deadline passed, books confirmed ones (retrying failures), proposes one when a group's cadence is due."),
        RecurringJobDefinition.For<HeldSessionsSweep>("sessions-held", "*/10 * * * *",
            "Marks planned sessions whose time has passed as held and sends their coaches the attendance card."),
        RecurringJobDefinition.For<RetentionJob>(RetentionJob.JobId, "17 3 * * *",
            "Deletes activity claims after 2 days, sent and failed outbox messages after 30 days, answer history, regrets and check-in answers after the tenant's retention period (2 school years by default)."),
    ];
}
