using System.Text.Json;

namespace WorkingGroups.Infrastructure.Samples;

/// <summary>Reading a folder of sample files: strict JSON (unknown fields are mistakes), every mistake with file and path.</summary>
internal static class SampleFiles
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>
    /// Each <c>*.json</c> of the folder, in name order, read as <typeparamref name="TWritten"/> and checked by
    /// <paramref name="check"/>, which adds its problems and returns null for a file that has any.
    /// </summary>
    public static (List<T> Read, List<string> Errors) ReadFolder<TWritten, T>(
        string folder, Func<string, TWritten, List<SampleHistoryException>, T?> check) where T : class
    {
        var read = new List<T>();
        var errors = new List<string>();
        foreach (var path in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var file = Path.GetFileName(path);
            try
            {
                var written = JsonSerializer.Deserialize<TWritten>(File.ReadAllText(path), Json)
                    ?? throw new SampleHistoryException("$", "the file is empty.");
                var problems = new List<SampleHistoryException>();
                var checkedFile = check(file, written, problems);
                if (problems.Count == 0 && checkedFile is not null) read.Add(checkedFile);
                errors.AddRange(problems.Select(p => $"{file}: {p.Where}: {p.Message}"));
            }
            catch (JsonException ex)
            {
                errors.Add($"{file}:{ex.LineNumber + 1}: {ex.Path}: {ex.Message}");
            }
            catch (SampleHistoryException ex)
            {
                errors.Add($"{file}: {ex.Where}: {ex.Message}");
            }
        }
        return (read, errors);
    }
}
