using Xunit;

namespace PortalGuard.IntegrationTests.Storage;

/// <summary>A test that needs the sqlite3 command-line program (Debian package sqlite3, listed in .ci/apt-packages).</summary>
internal sealed class SqliteCliFactAttribute : FactAttribute
{
    public const string Program = "/usr/bin/sqlite3";

    public SqliteCliFactAttribute()
    {
        if (!File.Exists(Program))
        {
            Skip = $"{Program} is not installed (apt-get install sqlite3).";
        }
    }
}
