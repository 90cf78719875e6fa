using Microsoft.Extensions.DependencyInjection;

namespace WorkingGroups.Infrastructure.Processes;

public static class ProcessesModule
{
    public static IServiceCollection AddProcesses(this IServiceCollection services) => services.AddSingleton<ProcessService>();
}
