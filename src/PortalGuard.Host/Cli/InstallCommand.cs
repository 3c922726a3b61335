using PortalGuard.Install;

namespace PortalGuard.Host.Cli;

/// <summary><c>portalguard install</c>: writes the host manifest where a Chromium-family browser reads it.</summary>
internal static class InstallCommand
{
    /// <summary>Runs the command. <paramref name="args"/> are the words after <c>install</c>.</summary>
    /// <returns>0 when the manifest is in place, 1 when it could not be written, 2 on a usage error.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) =>
        Run(args, stdout, stderr, Environment.ProcessPath, Environment.GetEnvironmentVariable);

    /// <summary>The same, with the running executable and the environment given (tests).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, string? processPath, Func<string, string?> getEnvironmentVariable)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var options = HostInstallOptions.Parse(args, acceptsPath: true, out var error);
        if (options is null)
        {
            stderr.WriteLine($"portalguard install: {error}");
            return 2;
        }

        if (options.Help)
        {
            stdout.WriteLine(HostInstallOptions.Usage("install", acceptsPath: true));
            return 0;
        }

        var executable = options.ExecutablePath ?? processPath;
        if (options.ExecutablePath is null && (executable is null || !HostManifestInstaller.IsOurProgram(executable)))
        {
            // Run through "dotnet portalguard.dll" the process is dotnet itself, which is not what a browser should start.
            stderr.WriteLine($"portalguard install: cannot tell where the portalguard executable is (running as '{executable ?? "unknown"}'); pass --path");
            return 2;
        }

        if (!File.Exists(executable))
        {
            stderr.WriteLine($"portalguard install: no such file: {executable}");
            return 2;
        }

        try
        {
            var folder = options.ManifestFolder(getEnvironmentVariable);
            var result = HostManifestInstaller.Install(HostManifest.ForChromium(executable), folder, options.Force);
            CliOutput.WriteResult(stdout, result, options.Browser, executable);
            return 0;
        }
        catch (Exception exception) when (CliOutput.IsExpectedFailure(exception))
        {
            stderr.WriteLine($"portalguard install: {exception.Message}");
            return 1;
        }
    }
}
