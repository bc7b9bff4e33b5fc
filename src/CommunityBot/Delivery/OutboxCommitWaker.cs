using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace CommunityBot.Delivery;

/// <summary>
/// A message enqueued inside the caller's transaction is invisible to the dispatcher until that transaction
/// commits, so the wake-up waits for the commit (a rollback drops it).
/// </summary>
public sealed class OutboxCommitWaker(DeliverySignal signal) : DbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, object> pending = [];

    public void WakeAfterCommit(DbContext context)
    {
        if (context.Database.CurrentTransaction is null)
        {
            signal.Wake();
        }
        else
        {
            pending.AddOrUpdate(context, this);
        }
    }

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        RolledBack(eventData.Context);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => RolledBack(eventData.Context);

    private void Committed(DbContext? context)
    {
        if (context is not null && pending.Remove(context))
        {
            signal.Wake();
        }
    }

    private void RolledBack(DbContext? context)
    {
        if (context is not null)
        {
            pending.Remove(context);
        }
    }
}
