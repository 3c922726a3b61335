namespace PortalGuard.Install;

/// <summary>What reading one installed manifest showed.</summary>
/// <param name="Program">The executable it names, when that is absolute, present and executable (worth starting); else null.</param>
internal sealed record ManifestInspection(IReadOnlyList<DoctorCheck> Checks, string? Program);
