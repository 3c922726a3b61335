namespace PortalGuard.Storage;

/// <summary>One forward step of the database schema. Applied once, in version order, inside the same transaction as its version row.</summary>
/// <param name="Version">1, 2, 3, … with no gaps.</param>
/// <param name="Description">What the step does, in words; stored beside the version.</param>
/// <param name="Sql">The statements to run.</param>
internal sealed record SchemaMigration(int Version, string Description, string Sql);
