using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace PortalGuard.IntegrationTests.Hardening;

/// <summary>
/// Four host processes (four browser profiles) on one database, each sent requests as fast as it answers them for a minute:
/// mostly reportEvent, with assessPage and getSettings mixed in. Every acknowledged event is in the database exactly once,
/// and no reply is an error (in particular none says the database is locked or busy).
/// </summary>
[Collection(WholeProcessLoad.Name)]
public sealed class ConcurrentHostsTests(ITestOutputHelper output) : IDisposable
{
    private const int Hosts = 4;

    /// <summary>A minute, as the hardening issue asks: long enough for WAL checkpoints and unlucky scheduling to happen many times.</summary>
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(60);

    /// <summary>A guard against a hung host after the writing stops, not a performance figure.</summary>
    private static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(60);

    private readonly PortalGuardProcess _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Four_hosts_writing_one_database_for_a_minute_lose_no_event_and_never_report_it_busy()
    {
        // All four start at once on a database none has created yet, as a browser restoring four profiles would.
        var profiles = await Task.WhenAll(Enumerable.Range(0, Hosts).Select(p => Task.Run(() => RunProfileAsync(p))));

        foreach (var profile in profiles)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"profile {profile.Index}: {profile.Requests} requests ({profile.Requests / profile.Elapsed.TotalSeconds:F0}/s), {profile.Acknowledged.Count} events recorded ({profile.Acknowledged.Count / profile.Elapsed.TotalSeconds:F0}/s) in {profile.Elapsed.TotalSeconds:F1} s"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"all {Hosts} profiles: {profiles.Sum(p => p.Acknowledged.Count) / Duration.TotalSeconds:F0} events/s into one file"));

        var errors = profiles.SelectMany(p => p.Errors).ToList();
        Assert.DoesNotContain(errors, e => e.Contains("locked", StringComparison.OrdinalIgnoreCase) || e.Contains("busy", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(errors);
        Assert.All(profiles, p => Assert.Equal(0, p.ExitCode));
        Assert.All(profiles, p => Assert.Equal(string.Empty, p.StandardError));

        var stored = StoredEvents();
        foreach (var profile in profiles)
        {
            var counts = stored.GetValueOrDefault(Origin(profile.Index)) ?? [];
            Assert.True(counts.Count == counts.Distinct().Count(), $"profile {profile.Index}: an event is in the database twice");
            Assert.True(profile.Acknowledged.SetEquals(counts), string.Create(CultureInfo.InvariantCulture,
                $"profile {profile.Index}: {profile.Acknowledged.Count} events acknowledged, {counts.Count} in the database; first missing: {string.Join(", ", profile.Acknowledged.Except(counts).Order().Take(10))}"));
        }
    }

    private async Task<ProfileResult> RunProfileAsync(int index)
    {
        using var session = LiveHostSession.Start(_host);
        var clock = Stopwatch.StartNew();
        var writer = Task.Run(() => WriteRequestsAsync(session, index), CancellationToken.None);

        var acknowledged = new HashSet<int>();
        var errors = new List<string>();
        var requests = 0;

        // A pipe read is not reliably cancellable: a host still running after the drain limit is killed, and the test fails.
        using var limit = new CancellationTokenSource(Duration + DrainLimit);
        using var hung = limit.Token.Register(session.Kill);
        while (await session.ReadFrameAsync(CancellationToken.None) is { } frame)
        {
            using var reply = JsonDocument.Parse(frame);
            var root = reply.RootElement;
            var type = root.GetProperty("type").GetString();
            if (type == "postureChanged")
            {
                continue;
            }

            requests++;
            var id = root.GetProperty("id").GetInt32();
            if (type == "error")
            {
                errors.Add($"profile {index}, request {id}: {frame}");
                continue;
            }

            Assert.Equal(RequestType(id), type);
            if (type == "reportEvent" && root.GetProperty("recorded").GetBoolean())
            {
                acknowledged.Add(id);
            }
        }

        var sent = await writer;
        await session.WaitForExitAsync(CancellationToken.None);
        Assert.False(limit.IsCancellationRequested, $"profile {index} did not finish within {(Duration + DrainLimit).TotalSeconds} s");
        Assert.Equal(sent, requests);
        return new ProfileResult(index, requests, acknowledged, errors, session.ExitCode, session.StandardError, clock.Elapsed);
    }

    /// <summary>Writes requests as fast as the host takes them for <see cref="Duration"/>, then closes stdin; returns how many.</summary>
    private static async Task<int> WriteRequestsAsync(LiveHostSession session, int index)
    {
        const int framesPerWrite = 16;
        var origin = Origin(index);
        var clock = Stopwatch.StartNew();
        var batch = new MemoryStream();
        var id = 0;
        while (clock.Elapsed < Duration && id < 1_000_000 - framesPerWrite)
        {
            for (var i = 0; i < framesPerWrite; i++, id++)
            {
                batch.Write(Frames.Of(Request(id, origin)));
            }

            await session.Input.WriteAsync(batch.GetBuffer().AsMemory(0, (int)batch.Length));
            batch.SetLength(0);
        }

        session.CloseInput();
        return id;
    }

    /// <summary>One request in ten asks for an assessment, one in ten for the settings (both read the database); the rest record events.</summary>
    private static string RequestType(int id) => (id % 10) switch
    {
        3 => "assessPage",
        7 => "getSettings",
        _ => "reportEvent",
    };

    private static string Request(int id, string origin) => RequestType(id) switch
    {
        "assessPage" => string.Create(CultureInfo.InvariantCulture,
            $$$"""{"id":{{{id}}},"type":"assessPage","url":"https://mychart.ucsf.edu","signals":{"hasPasswordField":true,"brandWords":["mychart"]}}"""),
        "getSettings" => string.Create(CultureInfo.InvariantCulture, $$"""{"id":{{id}},"type":"getSettings"}"""),
        _ => string.Create(CultureInfo.InvariantCulture,
            $$"""{"id":{{id}},"type":"reportEvent","event":"warningShown","origin":"{{origin}}","level":"warn","count":{{id}}}"""),
    };

    private static string Origin(int index) => string.Create(CultureInfo.InvariantCulture, $"https://profile-{index}.concurrent.example");

    private Dictionary<string, List<int>> StoredEvents()
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = _host.DatabasePath,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT origin, count FROM audit_events;";
        using var reader = command.ExecuteReader();
        var stored = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        while (reader.Read())
        {
            var origin = reader.GetString(0);
            if (!stored.TryGetValue(origin, out var counts))
            {
                stored[origin] = counts = [];
            }

            counts.Add(reader.GetInt32(1));
        }

        return stored;
    }

    private sealed record ProfileResult(int Index, int Requests, HashSet<int> Acknowledged, List<string> Errors, int ExitCode, string StandardError, TimeSpan Elapsed);
}
