namespace PortalGuard.Caching;

/// <summary>
/// Remembers a value per key for as long as the value itself says (a failure can be kept for less time than a success),
/// by a <see cref="TimeProvider"/>'s clock. Callers that ask for a key being computed share that one computation, so a
/// burst of page checks starts one process or one TLS handshake, not one each.
/// </summary>
internal sealed class TtlCache<TKey, TValue>
    where TKey : notnull
{
    private readonly Dictionary<TKey, Entry> _entries;
    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly Func<TValue, TimeSpan> _timeToLive;
    private readonly int _capacity;

    /// <param name="timeToLive">How long a computed value stays fresh; <see cref="TimeSpan.Zero"/> to not keep it at all.</param>
    /// <param name="capacity">Above this many entries, expired ones are dropped, then those closest to expiry.</param>
    public TtlCache(TimeProvider time, Func<TValue, TimeSpan> timeToLive, IEqualityComparer<TKey>? comparer = null, int capacity = 256)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _time = time;
        _timeToLive = timeToLive;
        _capacity = capacity;
        _entries = new Dictionary<TKey, Entry>(comparer);
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>
    /// The fresh value for <paramref name="key"/>, computing it when there is none. The computation is shared and not
    /// cancelled with one caller: <paramref name="cancellationToken"/> only stops this caller's wait. A computation that
    /// throws is not kept; every caller waiting on it sees the exception.
    /// </summary>
    public async ValueTask<TValue> GetOrAddAsync(TKey key, Func<TKey, Task<TValue>> compute, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(compute);
        Entry entry;
        var owner = false;
        lock (_lock)
        {
            if (!_entries.TryGetValue(key, out entry!) || entry.ExpiresAt <= _time.GetUtcNow())
            {
                entry = new Entry();
                _entries[key] = entry;
                owner = true;
                Trim();
            }
        }

        if (owner)
        {
            _ = FillAsync(key, entry, compute);
        }

        return await entry.Value.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Forgets <paramref name="key"/> (the network changed: what was true may not be).</summary>
    public void Remove(TKey key)
    {
        lock (_lock)
        {
            _entries.Remove(key);
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _entries.Clear();
        }
    }

    private async Task FillAsync(TKey key, Entry entry, Func<TKey, Task<TValue>> compute)
    {
        try
        {
            var value = await compute(key).ConfigureAwait(false);
            lock (_lock)
            {
                entry.ExpiresAt = _time.GetUtcNow() + _timeToLive(value);
            }

            entry.Value.SetResult(value);
        }
        catch (Exception ex)
        {
            lock (_lock)
            {
                if (_entries.TryGetValue(key, out var current) && ReferenceEquals(current, entry))
                {
                    _entries.Remove(key);
                }
            }

            entry.Value.SetException(ex);
        }
    }

    // Called under the lock.
    private void Trim()
    {
        if (_entries.Count <= _capacity)
        {
            return;
        }

        var now = _time.GetUtcNow();
        foreach (var (key, entry) in _entries.ToArray())
        {
            if (entry.ExpiresAt <= now)
            {
                _entries.Remove(key);
            }
        }

        // Entries still being computed expire at MaxValue, so they are the last to go.
        foreach (var (key, _) in _entries.OrderBy(static e => e.Value.ExpiresAt).Take(_entries.Count - _capacity).ToArray())
        {
            _entries.Remove(key);
        }
    }

    private sealed class Entry
    {
        public TaskCompletionSource<TValue> Value { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>When the value goes stale; <see cref="DateTimeOffset.MaxValue"/> while it is being computed. Read and written under the cache's lock.</summary>
        public DateTimeOffset ExpiresAt { get; set; } = DateTimeOffset.MaxValue;
    }
}
