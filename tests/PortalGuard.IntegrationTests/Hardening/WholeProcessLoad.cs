namespace PortalGuard.IntegrationTests.Hardening;

/// <summary>
/// Tests that keep whole host processes busy for a minute run alone, after the others: on two cores, tests beside them would
/// turn their figures into noise and their time into luck.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WholeProcessLoad
{
    public const string Name = "Whole-process load";
}
