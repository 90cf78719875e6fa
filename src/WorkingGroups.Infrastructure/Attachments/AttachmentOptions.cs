using Microsoft.Extensions.Configuration;
using WorkingGroups.Infrastructure.Settings;

namespace WorkingGroups.Infrastructure.Attachments;

/// <summary>Attachments:MaxMegabytes, 20 by default: the largest document kept, enforced while the upload streams in.</summary>
public sealed record AttachmentOptions(long MaxBytes)
{
    public static AttachmentOptions Read(IConfiguration configuration) => SettingsReader.Use(configuration, Read);

    public static AttachmentOptions Read(SettingsReader read) =>
        new(read.Number("Attachments:MaxMegabytes", 20, 1, 2048) * 1024L * 1024);

    public long MaxMegabytes => MaxBytes / (1024 * 1024);
}
