using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityBot.Delivery;

/// <summary>
/// A tenant's request budget shared by every instance on PostgreSQL: the next free send slot, in microseconds of the
/// database's clock. Instances take consecutive slots from it in small grants (<see cref="SharedTenantBudget"/>).
/// </summary>
public sealed class TenantBudget
{
    public required string TenantId { get; set; }
    public long NextSlotAt { get; set; }
}

internal sealed class TenantBudgetConfiguration : IEntityTypeConfiguration<TenantBudget>
{
    public void Configure(EntityTypeBuilder<TenantBudget> builder)
    {
        builder.ToTable(OutboxSql.BudgetTable);
        builder.HasKey(b => b.TenantId);
        builder.Property(b => b.TenantId).HasMaxLength(64);
    }
}
