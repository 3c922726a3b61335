using BenchmarkDotNet.Running;

// In-process benchmarks of the host's hot paths. The whole-process comparison (cold start, pipe round trip, RSS) is bench/startup.sh.
BenchmarkSwitcher.FromAssembly(typeof(PortalGuard.Benchmarks.ClassifierBenchmarks).Assembly).Run(args);
