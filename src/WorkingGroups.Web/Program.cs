using WorkingGroups.Infrastructure.Definitions;
using WorkingGroups.Infrastructure.Persistence;
using WorkingGroups.Web.Cli;
using WorkingGroups.Web.Definitions;
using WorkingGroups.Web.Health;
using WorkingGroups.Web.Hosting;

if (CommandLine.TryRunStandalone(args, Console.Out, Console.Error) is { } exitCode) return exitCode;

// Content (appsettings, wwwroot) comes from the build output, so the app runs the same from any working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddLogging();
builder.Services.AddProblemDetails();
builder.Services.AddDefinitions();
builder.Services.AddPersistence();
builder.Services.AddStartupTasks();
builder.Services.AddHealth();
builder.Services.AddRazorPages();

var app = builder.Build();
app.UseRequestLogging();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseStaticFiles();
app.MapHealth();
app.MapDefinitionsApi();
app.MapRazorPages();

try
{
    await app.RunAsync();
    return 0;
}
catch (InvalidDefinitionsException ex)
{
    // A person fixes these by editing files: show the list, not a stack trace.
    Console.Error.WriteLine(ex.Message);
    return 2;
}

public partial class Program;
