using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkingGroups.IntegrationTests.Hosting;
using WorkingGroups.Infrastructure.Persistence;

namespace WorkingGroups.IntegrationTests.Security;

/// <summary>
/// A hash of every row of the app's own tables, to show that a refused request changed nothing. Left out: what a
/// request touches whatever its outcome (a token's last use, sign-in bookkeeping) and what the host keeps for itself.
/// </summary>
internal static class DatabaseFingerprint
{
    private static readonly string[] Skipped = ["__EFMigrationsHistory", "ApiTokens", "DataProtectionKeys", "AspNet", "Hangfire", "sqlite_"];

    public static async Task<string> Of(AppFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        var text = new StringBuilder();
        foreach (var table in tables.Where(t => !Skipped.Any(s => t.StartsWith(s, StringComparison.OrdinalIgnoreCase))))
        {
            text.Append('#').Append(table).Append('\n');
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\" ORDER BY 1";
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync()) AppendRow(text, reader);
        }
        return $"{tables.Count} tables, " + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static void AppendRow(StringBuilder text, DbDataReader reader)
    {
        for (var i = 0; i < reader.FieldCount; i++) text.Append(reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i))).Append('|');
        text.Append('\n');
    }
}
