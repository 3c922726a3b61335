using System.Text;

namespace PortalGuard.IntegrationTests;

/// <summary>What a finished <c>portalguard</c> process left behind.</summary>
internal sealed record ProcessResult(int ExitCode, byte[] StandardOutput, string StandardError)
{
    public string Text => Encoding.UTF8.GetString(StandardOutput);
}
