using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WorkingGroups.Infrastructure.Processes;

namespace WorkingGroups.Infrastructure.Attachments;

public static class AttachmentsModule
{
    /// <summary>The documents kept with steps, answers, meetings and Work Plans, and the limit on their size.</summary>
    public static IServiceCollection AddAttachments(this IServiceCollection services)
    {
        services.AddProcesses();
        services.AddSingleton(sp => AttachmentOptions.Read(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton<AttachmentService>();
        return services;
    }
}
