using PortalGuard.Storage;

namespace PortalGuard.IntegrationTests.Storage;

/// <summary>Folders PortalGuard creates are owner-only, every missing level of them; folders that were there stay as they were.</summary>
public sealed class OwnerOnlyTests : IDisposable
{
    private const UnixFileMode Shared = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    private readonly TempFolder _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public void Every_missing_folder_is_created_0700_and_an_existing_one_is_left_as_it_was()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var existing = _root.File("shared");
        Directory.CreateDirectory(existing);
        File.SetUnixFileMode(existing, Shared);

        OwnerOnly.CreateFolder(Path.Combine(existing, "a", "b", "portalguard"));

        Assert.Equal(Shared, File.GetUnixFileMode(existing));
        foreach (var created in new[] { "a", "a/b", "a/b/portalguard" })
        {
            Assert.Equal(OwnerOnly.FolderPermissions, File.GetUnixFileMode(Path.Combine(existing, created)));
        }

        // Asking again changes nothing and does not fail.
        OwnerOnly.CreateFolder(Path.Combine(existing, "a", "b", "portalguard"));
        Assert.Equal(OwnerOnly.FolderPermissions, File.GetUnixFileMode(Path.Combine(existing, "a")));
    }
}
