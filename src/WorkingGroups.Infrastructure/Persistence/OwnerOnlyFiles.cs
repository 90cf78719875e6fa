using System.Runtime.InteropServices;

namespace WorkingGroups.Infrastructure.Persistence;

/// <summary>
/// What the app writes holds the coordinators' records, the agencies' contacts and the keys that sign answer links: on
/// Unix it is made readable by the app's own user only. The process's umask covers every file any library creates
/// (SQLite's database, journal and shared memory, the logs, backups); the data folder itself is closed to others too,
/// which also covers files an earlier version left readable.
/// </summary>
internal static class OwnerOnlyFiles
{
    private const UnixFileMode Owner = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private static readonly Lazy<bool> Masked = new(() =>
    {
        if (OperatingSystem.IsWindows()) return false;
        SetMask(0b000_111_111); // 077: no group or other bits on anything created from here on
        return true;
    });

    /// <summary>From now on, files and folders this process creates are its user's alone.</summary>
    public static void Apply() => _ = Masked.Value;

    /// <summary>Creates the folder if needed and closes it to everyone but the app's user.</summary>
    public static void Protect(string folder)
    {
        Apply();
        Directory.CreateDirectory(folder);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(folder, Owner);
    }

    [DllImport("libc", EntryPoint = "umask")]
    private static extern uint SetMask(uint mask);
}
