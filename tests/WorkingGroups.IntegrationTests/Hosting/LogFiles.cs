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

    /// <summary>
    /// The logs once they contain <paramref name="text"/> (or after <paramref name="seconds"/>, for the caller's assert
    /// to fail on): a request's log line is written after its response has gone, so it may lag the client's read.
    /// </summary>
    public static async Task<string> WaitForAsync(string dataFolder, string text, StringComparison comparison = StringComparison.Ordinal, int seconds = 10)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        var logs = ReadAll(dataFolder);
        while (!logs.Contains(text, comparison) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            logs = ReadAll(dataFolder);
        }
        return logs;
    }

    public static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return new StreamReader(stream).ReadToEnd();
    }
}
