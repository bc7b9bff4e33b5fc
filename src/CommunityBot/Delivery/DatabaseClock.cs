namespace CommunityBot.Delivery;

/// <summary>
/// Maps instants of the database's clock to this instance's, so that every instance sends a shared slot at the same
/// moment whatever the skew between their clocks. Each grant brings a sample (the database's now, and this clock
/// before and after the round trip); an offset read from a sample is off by at most half its round trip, so the
/// sample with the shortest round trip among the recent ones is used. A sample that cannot agree with it (the two
/// error bounds do not overlap) means a clock was set (a step of NTP, a test's fake clock): the samples start over.
/// </summary>
internal sealed class DatabaseClock
{
    private const int Kept = 8;
    private readonly Lock gate = new();
    private readonly Queue<Sample> samples = new();
    private Sample best;

    /// <summary>
    /// True once a sample's round trip was short enough that two instances' mappings differ by at most one shared
    /// slot's tolerance. The first samples of a process are slow (a connection opened, code compiled): mapped with
    /// those, instances sent their first slots up to tens of milliseconds early or late, and into each other's.
    /// </summary>
    public bool IsPrecise(TimeSpan tolerance)
    {
        lock (gate)
        {
            return samples.Count > 0 && best.RoundTrip <= tolerance;
        }
    }

    public void Observe(long databaseMicroseconds, DateTimeOffset before, DateTimeOffset after)
    {
        var roundTrip = after - before;
        var sample = new Sample(DateTimeOffset.UnixEpoch.AddTicks(databaseMicroseconds * 10) - (before + roundTrip / 2), roundTrip);
        lock (gate)
        {
            if (samples.Count > 0 && (sample.Offset - best.Offset).Duration() > (sample.RoundTrip + best.RoundTrip) / 2)
            {
                samples.Clear();
            }
            samples.Enqueue(sample);
            if (samples.Count > Kept)
            {
                samples.Dequeue();
            }
            best = samples.MinBy(s => s.RoundTrip);
        }
    }

    /// <summary>This instance's instant for an instant of the database's clock (after at least one sample).</summary>
    public DateTimeOffset ToLocal(long databaseMicroseconds)
    {
        lock (gate)
        {
            return DateTimeOffset.UnixEpoch.AddTicks(databaseMicroseconds * 10) - best.Offset;
        }
    }

    private readonly record struct Sample(TimeSpan Offset, TimeSpan RoundTrip);
}
