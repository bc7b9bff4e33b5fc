using System.ComponentModel.DataAnnotations;

namespace CommunityBot.Delivery;

/// <summary>The "Delivery" section: how fast and how persistently the outbox is sent. Validated at start-up.</summary>
public sealed class DeliveryOptions : IValidatableObject
{
    public const string Section = "Delivery";

    /// <summary>Rows one claim takes; each is leased to this instance until sent or released.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 100;

    /// <summary>Sends in flight at once per instance; also the most duplicates a crash can cause.</summary>
    [Range(1, 256)]
    public int MaxParallelism { get; set; } = 16;

    /// <summary>
    /// Requests per second per tenant for the whole app (Teams allows about 50 per app per tenant): on PostgreSQL the
    /// instances share it (<see cref="SharedTenantBudget"/>), so it is not divided by their number.
    /// </summary>
    [Range(0.1, 100_000)]
    public double TenantRequestsPerSecond { get; set; } = 50;

    /// <summary>
    /// On PostgreSQL, instances take the tenant's slots from one shared row timed by the database's clock. Off only for
    /// a host on a clock of its own (the tests' fake clock), which the database's clock cannot follow: it paces in process.
    /// </summary>
    public bool ShareTenantBudget { get; set; } = true;

    /// <summary>Failed attempts (5xx, 412, network) before a message is parked as Failed. Throttling does not count.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>How long a claim lasts; after that another instance (or this one after a restart) takes the row over.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>First retry delay after a transient failure; it doubles per attempt, with jitter, up to <see cref="BackoffMax"/>.</summary>
    public TimeSpan BackoffBase { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan BackoffMax { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often an idle instance looks for due rows it was not woken for (rows enqueued by another instance).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long delivery pauses after Teams rejected our credentials (401) before it tries again.</summary>
    public TimeSpan CredentialsPause { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Where to open a 1:1 chat when no conversation of the tenant tells us its service URL.</summary>
    [Required]
    [Url]
    public string DefaultServiceUrl { get; set; } = "https://smba.trafficmanager.net/teams/";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (LeaseDuration < TimeSpan.FromSeconds(1) || LeaseDuration > TimeSpan.FromHours(1))
        {
            yield return new ValidationResult("Delivery:LeaseDuration must be between 00:00:01 and 01:00:00.", [nameof(LeaseDuration)]);
        }
        if (BackoffBase <= TimeSpan.Zero || BackoffMax < BackoffBase)
        {
            yield return new ValidationResult("Delivery:BackoffBase must be positive and at most Delivery:BackoffMax.", [nameof(BackoffBase), nameof(BackoffMax)]);
        }
        if (CredentialsPause < TimeSpan.FromSeconds(1) || CredentialsPause > TimeSpan.FromHours(1))
        {
            yield return new ValidationResult("Delivery:CredentialsPause must be between 00:00:01 and 01:00:00.", [nameof(CredentialsPause)]);
        }
        if (PollInterval < TimeSpan.FromMilliseconds(100) || PollInterval > TimeSpan.FromHours(1))
        {
            yield return new ValidationResult("Delivery:PollInterval must be between 00:00:00.1 and 01:00:00.", [nameof(PollInterval)]);
        }
    }
}
