using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace PortalGuard.IntegrationTests.Hardening;

/// <summary>
/// SIGKILL at random points while the real host records audit events, 100 times against one database file. Hosts run two at a
/// time (two browser profiles, which also keeps both cores busy) and both are killed before the file is checked, so every
/// check sees a file no process has open, as after a crash of the whole browser. After each round every event whose
/// <c>recorded: true</c> the test read is in the file, no event is there twice, <c>integrity_check</c> is <c>ok</c>, and
/// the next hosts open the file cleanly (their hello says <c>storage: ok</c>). Each run draws a new seed and prints it;
/// <c>PORTALGUARD_TEST_SEED=&lt;seed&gt;</c> replays that run's kill plan.
/// </summary>
[Collection(WholeProcessLoad.Name)]
public sealed class CrashSafeAuditTests(ITestOutputHelper output) : IDisposable
{
    private const int Kills = 100;

    private const int HostsPerRound = 2;

    /// <summary>Most kills land while events are being recorded: after this many acknowledgements at most.</summary>
    private const int MaxAcknowledgedBeforeKill = 150;

    /// <summary>The rest land at a random moment of start-up: creating the file, migrating, merging the catalog, the first events.</summary>
    private const int StartupKillPercent = 15;

    private const int MaxStartupKillDelayMs = 700;

    private const string Hello = """{"id":"hello","type":"hello"}""";

    private static readonly TimeSpan RoundLimit = TimeSpan.FromSeconds(30);

    private readonly PortalGuardProcess _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Events_the_host_acknowledged_survive_SIGKILL_at_random_points_and_the_database_stays_sound()
    {
        var seed = Seed();
        output.WriteLine($"seed {seed} (PORTALGUARD_TEST_SEED={seed} replays this kill plan)");
        var random = new Random(seed);
        var acknowledged = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        var beforeHello = 0;
        var beforeFirstEvent = 0;
        var afterEvents = new List<int>();
        var committedUnacknowledged = 0;

        for (var round = 0; round < Kills / HostsPerRound; round++)
        {
            var where = $"seed {seed}, round {round}";
            var plans = Enumerable.Range(0, HostsPerRound).Select(lane => new KillPlan(
                Origin(round, lane),
                random.Next(100) < StartupKillPercent ? null : random.Next(1, MaxAcknowledgedBeforeKill + 1),
                TimeSpan.FromMilliseconds(random.Next(MaxStartupKillDelayMs)))).ToList();

            var runs = await Task.WhenAll(plans.Select(plan => Task.Run(() => RunUntilKilledAsync(plan, $"{where}, {plan.Origin}"))));

            foreach (var (plan, run) in plans.Zip(runs))
            {
                // The host started on the file the previous round's kills left: it must have found it sound.
                if (run.Storage is not null)
                {
                    Assert.True(run.Storage == "ok", $"{where}: a host restarted on the crashed file with storage '{run.Storage}': {run.StorageError}");
                }

                acknowledged[plan.Origin] = run.Acknowledged;
                if (run.Storage is null)
                {
                    beforeHello++;
                }
                else if (run.Acknowledged.Count == 0)
                {
                    beforeFirstEvent++;
                }
                else
                {
                    afterEvents.Add(run.Acknowledged.Count);
                }
            }

            committedUnacknowledged = VerifyDatabase(acknowledged, where);
        }

        // The last crashed file still serves a normal session that ends normally.
        var final = await _host.RunSessionAsync(Frames.Concat(
            Frames.Of(Hello),
            Frames.Of("""{"id":1,"type":"reportEvent","event":"sessionCleared","origin":"https://final.crash.example","count":1}""")));
        Assert.Equal(0, final.ExitCode);
        var replies = Frames.Split(final.StandardOutput).Select(f => JsonDocument.Parse(f).RootElement.Clone()).ToList();
        Assert.Equal("ok", replies[0].GetProperty("storage").GetString());
        Assert.True(replies[1].GetProperty("recorded").GetBoolean());
        VerifyDatabase(acknowledged, $"seed {seed}, after the final session");

        afterEvents.Sort();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            {Kills} SIGKILLs in {clock.Elapsed.TotalSeconds:F1} s against one database file, {HostsPerRound} hosts at a time
              before the hello reply (start-up, migration, catalog merge): {beforeHello}
              after the hello reply, before the first acknowledged event: {beforeFirstEvent}
              while recording, after 1..{MaxAcknowledgedBeforeKill} acknowledged events: {afterEvents.Count} (median {(afterEvents.Count == 0 ? 0 : afterEvents[afterEvents.Count / 2])})
            acknowledged events, all found after each kill: {acknowledged.Values.Sum(a => a.Count)}
            committed but killed before the reply was read: {committedUnacknowledged}
            """));
    }

    private async Task<RoundResult> RunUntilKilledAsync(KillPlan plan, string where)
    {
        var (origin, killAfter, killDelay) = plan;
        using var session = LiveHostSession.Start(_host);

        // A pipe read is not reliably cancellable: a hung host is ended by killing it, and the round fails below.
        using var limit = new CancellationTokenSource(RoundLimit);
        using var hung = limit.Token.Register(session.Kill);
        var writer = Task.Run(() => WriteEventsAsync(session.Input, origin), CancellationToken.None);
        var timedKill = killAfter is null
            ? Task.Delay(killDelay, CancellationToken.None).ContinueWith(_ => session.Kill(), TaskScheduler.Default)
            : Task.CompletedTask;

        var acknowledged = new HashSet<int>();
        string? storage = null;
        string? storageError = null;
        while (await session.ReadFrameAsync(CancellationToken.None) is { } frame)
        {
            // Frames already in the pipe when the kill came were written by the host: they are acknowledgements too.
            using var reply = JsonDocument.Parse(frame);
            var root = reply.RootElement;
            switch (root.GetProperty("type").GetString())
            {
                case "hello":
                    storage = root.GetProperty("storage").GetString();
                    storageError = root.TryGetProperty("storageError", out var e) ? e.GetString() : null;
                    break;
                case "reportEvent":
                    Assert.True(root.GetProperty("recorded").GetBoolean(), $"{where}: {frame}");
                    acknowledged.Add(root.GetProperty("id").GetInt32());
                    if (acknowledged.Count == killAfter)
                    {
                        session.Kill();
                    }

                    break;
                case "postureChanged":
                    break;
                default:
                    Assert.Fail($"{where}: unexpected reply {frame}");
                    break;
            }
        }

        await session.WaitForExitAsync(CancellationToken.None);
        Assert.False(limit.IsCancellationRequested, $"{where}: the round did not end within {RoundLimit.TotalSeconds} s");
        Assert.True(session.ExitCode != 0, $"{where}: the host ended by itself (exit {session.ExitCode}) instead of being killed");
        await writer;
        await timedKill;
        Assert.Equal(string.Empty, session.StandardError);
        return new RoundResult(storage, storageError, acknowledged);
    }

    /// <summary>Sends hello, then reportEvent after reportEvent (id = count = a sequence number) until the pipe breaks.</summary>
    private static async Task WriteEventsAsync(Stream input, string origin)
    {
        const int framesPerWrite = 16;
        var batch = new MemoryStream();
        batch.Write(Frames.Of(Hello));
        try
        {
            for (var count = 0; count < 1_000_000;)
            {
                for (var i = 0; i < framesPerWrite; i++, count++)
                {
                    batch.Write(Frames.Of(string.Create(CultureInfo.InvariantCulture,
                        $$"""{"id":{{count}},"type":"reportEvent","event":"proceeded","origin":"{{origin}}","level":"warn","count":{{count}}}""")));
                }

                await input.WriteAsync(batch.GetBuffer().AsMemory(0, (int)batch.Length));
                batch.SetLength(0);
            }
        }
        catch (IOException)
        {
            // The host was killed: the pipe is broken, which is the end of this round's input.
        }
    }

    /// <summary>Checks the file as a crash left it; returns how many of the test's events are in it that no reply acknowledged.</summary>
    private int VerifyDatabase(Dictionary<string, HashSet<int>> acknowledged, string where)
    {
        if (!File.Exists(_host.DatabasePath))
        {
            Assert.True(acknowledged.Values.All(a => a.Count == 0), $"{where}: events were acknowledged but there is no database file");
            return 0;
        }

        // Read-only: the file is left as the crash left it (WAL included) for the next host to open and recover.
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = _host.DatabasePath,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        connection.Open();

        var integrity = Column(connection, "PRAGMA integrity_check;");
        Assert.True(integrity is ["ok"], $"{where}: integrity_check says {string.Join("; ", integrity)}");

        var stored = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        if (Column(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'audit_events';").Count == 1)
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT origin, count FROM audit_events WHERE origin LIKE 'https://round-%';";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var origin = reader.GetString(0);
                if (!stored.TryGetValue(origin, out var counts))
                {
                    stored[origin] = counts = [];
                }

                counts.Add(reader.GetInt32(1));
            }
        }

        var extra = 0;
        foreach (var (origin, ids) in acknowledged)
        {
            var counts = stored.GetValueOrDefault(origin) ?? [];
            var missing = ids.Except(counts).Order().Take(10).ToList();
            Assert.True(missing.Count == 0, $"{where}: acknowledged events of {origin} are missing from the database: {string.Join(", ", missing)}");
            Assert.True(counts.Count == counts.Distinct().Count(), $"{where}: an event of {origin} is in the database twice");
            extra += counts.Count - ids.Count;
        }

        Assert.True(stored.Keys.All(acknowledged.ContainsKey), $"{where}: the database holds events of a round that has not run");
        return extra;
    }

    private static List<string> Column(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private static string Origin(int round, int lane) => string.Create(CultureInfo.InvariantCulture, $"https://round-{round}-host-{lane}.crash.example");

    private static int Seed() =>
        Environment.GetEnvironmentVariable("PORTALGUARD_TEST_SEED") is { Length: > 0 } text
            ? int.Parse(text, CultureInfo.InvariantCulture)
            : Random.Shared.Next();

    /// <param name="KillAfter">Kill after this many acknowledged events; null: kill <paramref name="KillDelay"/> after the start.</param>
    private sealed record KillPlan(string Origin, int? KillAfter, TimeSpan KillDelay);

    private sealed record RoundResult(string? Storage, string? StorageError, HashSet<int> Acknowledged);
}
