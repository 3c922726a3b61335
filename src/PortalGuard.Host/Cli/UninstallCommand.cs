using PortalGuard.Install;

namespace PortalGuard.Host.Cli;

/// <summary><c>portalguard uninstall</c>: removes the host manifest <c>install</c> wrote, and nothing else.</summary>
internal static class UninstallCommand
{
    /// <summary>Runs the command. <paramref name="args"/> are the words after <c>uninstall</c>.</summary>
    /// <returns>0 when no PortalGuard manifest is left, 1 when it could not be removed, 2 on a usage error.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) =>
        Run(args, stdout, stderr, Environment.GetEnvironmentVariable);

    /// <summary>The same, with the environment given (tests).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, Func<string, string?> getEnvironmentVariable)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var options = HostInstallOptions.Parse(args, acceptsPath: false, out var error);
        if (options is null)
        {
            stderr.WriteLine($"portalguard uninstall: {error}");
            return 2;
        }

        if (options.Help)
        {
            stdout.WriteLine(HostInstallOptions.Usage("uninstall", acceptsPath: false));
            return 0;
        }

        try
        {
            var folder = options.ManifestFolder(getEnvironmentVariable);
            var result = HostManifestInstaller.Uninstall(folder, HostIdentity.HostName, options.Force);
            CliOutput.WriteResult(stdout, result, options.Browser, executable: null);
            return 0;
        }
        catch (Exception exception) when (CliOutput.IsExpectedFailure(exception))
        {
            stderr.WriteLine($"portalguard uninstall: {exception.Message}");
            return 1;
        }
    }
}
