namespace WorkingGroups.IntegrationTests.Hosting;

/// <summary>The app's log files, read while it may still hold them open for writing.</summary>
public static class LogFiles
{
    /// <summary>Every log file under the data folder's logs/, concatenated.</summary>
    public static string ReadAll(string dataFolder)
    {
        var logs = Directory.GetFiles(Path.Combine(dataFolder, "logs"));
        Assert.NotEmpty(logs);
        return string.Concat(logs.Select(ReadShared));
    }

    public static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return new StreamReader(stream).ReadToEnd();
    }
}
