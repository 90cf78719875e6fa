using WorkingGroups.Infrastructure.Attention;
using WorkingGroups.Infrastructure.Definitions;
using WorkingGroups.Infrastructure.Groups;
using WorkingGroups.Infrastructure.Persistence;
using WorkingGroups.Infrastructure.Processes;
using WorkingGroups.Web.Attention;
using WorkingGroups.Web.Auth;
using WorkingGroups.Web.Cli;
using WorkingGroups.Web.Dashboards;
using WorkingGroups.Web.Definitions;
using WorkingGroups.Web.Groups;
using WorkingGroups.Web.Health;
using WorkingGroups.Web.Letters;
using WorkingGroups.Web.Localization;
using WorkingGroups.Web.Hosting;
using WorkingGroups.Web.Processes;
using WorkingGroups.Web.Samples;
using WorkingGroups.Web.Reminders;

if (CommandLine.TryRunStandalone(args, Console.Out, Console.Error) is { } exitCode) return exitCode;

// Content (appsettings, wwwroot) comes from the build output, so the app runs the same from any working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = SamplesSwitch.Apply(args), ContentRootPath = AppContext.BaseDirectory });
builder.AddLogging();
builder.Services.AddApi();
builder.Services.AddRequestLimits();
builder.Services.AddSecurityHeaders();
builder.Services.AddOpenApiDocument();
builder.Services.AddDefinitions();
builder.Services.AddSamples();
builder.Services.AddPersistence();
builder.Services.AddDataFolderLock(args);
builder.Services.AddStartupTasks();
builder.Services.AddAuth();
builder.Services.AddProcesses();
builder.Services.AddDashboards();
builder.Services.AddReminders();
builder.Services.AddLetters();
builder.Services.AddGroups();
builder.Services.AddAttention();
builder.Services.AddHealth();
builder.Services.AddTexts();
builder.Services.AddPages();

var app = builder.Build();
if (app.HasInvalidSettings(Console.Error)) return 2;
var folderLock = app.Services.GetRequiredService<DataFolderLock>();
app.Services.BuildDatabaseModelEarly();
if (BackupCommands.Handles(args)) return BackupCommands.Run(app.Configuration, folderLock, args, Console.Out, Console.Error);
if (MigrateCommand.Handles(args)) return await MigrateCommand.RunAsync(app.Configuration, folderLock, args, Console.Out, Console.Error);
if (app.HasUnusableDatabase(Console.Error)) return 2;
if (UserCommands.Handles(args)) return await UserCommands.RunAsync(app, folderLock, args, Console.Out, Console.Error);
if (!folderLock.IsHeld)
{
    Console.Error.WriteLine(folderLock.InUse("run one app process per data folder (another one needs its own Data:Folder)."));
    return 1;
}

app.UseSecurityHeaders();
app.UseRequestLogging();
app.UseExceptionHandler();
app.UseStatusPages();
app.UseRequestLimits();
app.UseRouting(); // after the status pages, so that their re-executed request is routed again
app.UseStaticFiles();
app.UseTexts();
app.UseAuth();
app.MapHealth();
app.MapDefinitionsApi();
app.MapMeApi();
app.MapProcessesApi();
app.MapDashboardsApi();
app.MapRemindersApi();
app.MapLettersApi();
app.MapJobsDashboard();
app.MapGroups();
app.MapAttentionApi();
app.MapRazorPages();
app.MapOpenApiDocument();

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
