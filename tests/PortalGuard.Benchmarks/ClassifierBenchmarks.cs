using BenchmarkDotNet.Attributes;
using PortalGuard.Portals;

namespace PortalGuard.Benchmarks;

/// <summary>One host classified against a catalog of 10,000 entries: the cost the extension pays per navigation. Target ≤ 20 µs.</summary>
[MemoryDiagnoser]
public class ClassifierBenchmarks
{
    private PortalClassifier _classifier = null!;
    private WebTarget _target = null!;

    [Params(10_000)]
    public int CatalogSize { get; set; }

    /// <summary>An exact catalog host, a platform subdomain, a lookalike, a vendor pattern, and an ordinary site.</summary>
    [Params(
        "mychart.health-system-9998.org",
        "login.patientportal-9999.com",
        "mychart-ucsf.edu.example.net",
        "mychart.somewhere-health.org",
        "www.wikipedia.org")]
    public string Host { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _classifier = new PortalClassifier(GrownCatalog.Of(CatalogSize));
        if (!WebTargetParser.TryParse("https://" + Host + "/", out var target, out var error))
        {
            throw new InvalidOperationException(error);
        }

        _target = target!;
    }

    [Benchmark]
    public PortalIdentity Classify() => _classifier.Classify(_target);

    /// <summary>Parsing included: what the host does per <c>assessPage</c> before any network work.</summary>
    [Benchmark]
    public PortalIdentity? ParseAndClassify() =>
        WebTargetParser.TryParse("https://" + Host + "/MyChart/", out var target, out _) ? _classifier.Classify(target!) : null;
}
