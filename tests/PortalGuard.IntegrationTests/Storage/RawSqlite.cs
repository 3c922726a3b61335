using Microsoft.Data.Sqlite;
using PortalGuard.Storage;

namespace PortalGuard.IntegrationTests.Storage;

/// <summary>Plain SQLite access that bypasses PortalGuard's checks: how a test plays "another program" or "a newer PortalGuard".</summary>
internal static class RawSqlite
{
    public static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public static void Execute(string path, string sql)
    {
        using var connection = Open(path);
        Execute(connection, sql);
    }

    public static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Column 0 of every row, as text.</summary>
    public static List<string> Column(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture) ?? "");
        }

        return values;
    }

    public static List<string> Column(string path, string sql)
    {
        using var connection = Open(path);
        return Column(connection, sql);
    }

    /// <summary>The versions a schema_version table holds after these migrations, as SQLite returns them.</summary>
    public static string[] Versions(IEnumerable<SchemaMigration> migrations) =>
        migrations.Select(m => m.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
}
