using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace WorkingGroups.Infrastructure.Persistence;

/// <summary>
/// Inserts many new rows of one entity in one transaction and sets their generated keys. On SQLite it runs one prepared
/// INSERT per row, with the parameters made by the model's own type mappings (so every value is stored exactly as EF Core
/// stores it): EF Core's SQLite provider spent about 110 microseconds a row building a command of its own for each, most
/// of a 10,000-reminder sweep (docs/performance-log.md, fourth pass). Other databases get EF Core's batched SaveChanges.
/// Either way it is all or nothing: a failed row (a unique key taken by a concurrent writer) leaves none written.
/// </summary>
internal static class ManyRows
{
    public static async Task InsertAsync<T>(AppDbContext db, IReadOnlyList<T> rows, CancellationToken cancellationToken) where T : class
    {
        if (rows.Count == 0) return;
        if (!db.Database.IsSqlite())
        {
            db.AddRange(rows);
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var key = entity.FindPrimaryKey()!.Properties.Single(p => p.ValueGenerated == ValueGenerated.OnAdd);
        var columns = entity.GetProperties().Where(p => p != key).ToList();
        var sql = db.GetService<ISqlGenerationHelper>();
        string Column(IProperty p) => sql.DelimitIdentifier(p.GetColumnName(table)!);

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = transaction.GetDbTransaction();
            command.CommandText = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(Column))}) " +
                $"VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))}) RETURNING {Column(key)}";
            var mappings = columns.Select(p => p.GetRelationalTypeMapping()).ToList();
            var getters = columns.Select(p => p.GetGetter()).ToList();
            var setKey = key.PropertyInfo ?? throw new InvalidOperationException($"{typeof(T).Name}.{key.Name} has no property to set");
            foreach (var row in rows)
            {
                command.Parameters.Clear();
                for (var i = 0; i < columns.Count; i++)
                {
                    command.Parameters.Add(mappings[i].CreateParameter(command, "@p" + i, getters[i].GetClrValue(row), columns[i].IsNullable));
                }
                var generated = await command.ExecuteScalarAsync(cancellationToken);
                setKey.SetValue(row, Convert.ChangeType(generated, setKey.PropertyType, System.Globalization.CultureInfo.InvariantCulture));
            }
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
