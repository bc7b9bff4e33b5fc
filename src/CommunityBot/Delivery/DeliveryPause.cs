using Microsoft.Extensions.Options;

namespace CommunityBot.Delivery;

/// <summary>
/// Teams answered 401 (or the token endpoint refused us): our credentials are wrong, so every message would fail the
/// same way. Delivery stops claiming for <see cref="DeliveryOptions.CredentialsPause"/>, then tries once more; readiness
/// is unhealthy until a send succeeds again. Nothing is parked meanwhile.
/// </summary>
public sealed class DeliveryPause(TimeProvider time, IOptions<DeliveryOptions> options)
{
    private readonly Lock gate = new();
    private DateTimeOffset until;

    /// <summary>Set from the first rejection until the next successful send.</summary>
    public bool CredentialsRejected { get; private set; }

    public bool IsPaused(DateTimeOffset now) => PausedUntil(now) is not null;

    /// <summary>When the pause ends; null when delivery is not paused at <paramref name="now"/>.</summary>
    public DateTimeOffset? PausedUntil(DateTimeOffset now)
    {
        lock (gate) { return CredentialsRejected && now < until ? until : null; }
    }

    /// <summary>Pauses delivery and returns until when; <paramref name="first"/> is true once per episode (to alert once).</summary>
    public DateTimeOffset Pause(out bool first)
    {
        lock (gate)
        {
            first = !CredentialsRejected;
            var now = time.GetUtcNow();
            if (first || until <= now)
            {
                until = now + options.Value.CredentialsPause;
            }
            CredentialsRejected = true;
            return until;
        }
    }

    /// <summary>Returns true when this ends an episode of rejected credentials.</summary>
    public bool Resume()
    {
        lock (gate)
        {
            var ended = CredentialsRejected;
            CredentialsRejected = false;
            return ended;
        }
    }
}
