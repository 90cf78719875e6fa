using System.Buffers.Binary;
using Microsoft.Data.Sqlite;

namespace WorkingGroups.Infrastructure.Persistence;

/// <summary>
/// Whether the data folder's SQLite file is one the app may open, decided by reading only. Opening is not harmless:
/// SQLite would take a zero-byte file for a new database, and the start-up would make a new Admin and load the
/// samples beside the old signing keys; another application's database would be migrated into ours.
/// </summary>
public static class SqliteDatabaseFile
{
    private const int HeaderLength = 100;
    private const string MoveItAway = "nothing was changed; move it out of the data folder, then restore a backup or start afresh";

    private static ReadOnlySpan<byte> Magic => "SQLite format 3\0"u8;

    /// <summary>
    /// What is wrong with the file, in one line, or null when it may be opened: it is missing (the start creates it),
    /// a SQLite file without any table (the state a first start killed half-way leaves, made again next time), or ours
    /// (it has the migrations' history).
    /// </summary>
    public static string? Problem(string file)
    {
        var info = new FileInfo(file);
        if (!info.Exists) return null;
        // A new file gets its header from the app's first statement on it (journal_mode=WAL), so zero bytes is a file
        // emptied by something else; a first start killed within that first statement is covered by the advice too.
        if (info.Length == 0) return $"{file} is empty (0 bytes), which no WorkingGroups database is: {MoveItAway}.";
        var header = new byte[HeaderLength];
        using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            if (stream.ReadAtLeast(header, HeaderLength, throwOnEndOfStream: false) < HeaderLength || !header.AsSpan(0, Magic.Length).SequenceEqual(Magic))
                return $"{file} is not a SQLite database: {MoveItAway}.";
        }
        if (LengthInHeader(header) is { } length && info.Length < length)
            return $"{file} is cut short ({info.Length} of its {length} bytes; a partial copy?): {MoveItAway}.";
        return TablesProblem(file);
    }

    /// <summary>The length the header gives (pages times page size), when SQLite marked that count as current.</summary>
    private static long? LengthInHeader(ReadOnlySpan<byte> header)
    {
        var pageSize = BinaryPrimitives.ReadUInt16BigEndian(header[16..]) is var size && size == 1 ? 65536 : size;
        var pages = BinaryPrimitives.ReadUInt32BigEndian(header[28..]);
        var counted = BinaryPrimitives.ReadUInt32BigEndian(header[24..]) == BinaryPrimitives.ReadUInt32BigEndian(header[92..]);
        return counted && pages > 0 ? (long)pages * pageSize : null;
    }

    private static string? TablesProblem(string file)
    {
        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*), count(CASE name WHEN '__EFMigrationsHistory' THEN 1 END) FROM sqlite_master WHERE type = 'table'";
            using var reader = command.ExecuteReader();
            reader.Read();
            var (tables, history) = (reader.GetInt64(0), reader.GetInt64(1));
            return tables == 0 || history == 1 ? null
                : $"{file} is not a WorkingGroups database ({tables} table(s) of another application, without the migrations' history): {MoveItAway}.";
        }
        catch (SqliteException ex)
        {
            return $"{file} is damaged ({ex.Message.TrimEnd('.')}): {MoveItAway}.";
        }
    }
}
