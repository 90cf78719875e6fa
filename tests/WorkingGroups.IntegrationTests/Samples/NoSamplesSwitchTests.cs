using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using WorkingGroups.IntegrationTests.Hosting;
using WorkingGroups.Web.Samples;

namespace WorkingGroups.IntegrationTests.Samples;

/// <summary>`dotnet run -- --no-samples` as a person types it, then samples/api.sh against that running app.</summary>
public sealed class NoSamplesSwitchTests
{
    [Fact]
    public void The_switch_becomes_a_setting_and_keeps_the_arguments_after_it()
    {
        Assert.Equal(["--urls", "http://127.0.0.1:5000", "--Samples:Load=false"],
            SamplesSwitch.Apply(["--no-samples", "--urls", "http://127.0.0.1:5000"]));
        Assert.Equal(["--urls", "x"], SamplesSwitch.Apply(["--urls", "x"]));
    }

    [Fact]
    public async Task No_samples_leaves_no_processes_and_api_sh_walks_a_process_on_the_running_app()
    {
        var data = Directory.CreateTempSubdirectory("wg-nosamples-").FullName;
        var environment = new Dictionary<string, string> { ["Data__Folder"] = data };
        // No Samples__Load in the environment: the command-line switch alone must keep the samples out.
        await using var app = await RunningApp.StartAsync(data, TimeSpan.FromSeconds(90), new Dictionary<string, string>(), "--no-samples");
        Assert.Contains("One-time password", app.Output);

        // A token for the first Admin, made the way the README says (the CLI, on the same folder, samples off).
        var (exit, output, error) = await AppProcess.RunAsync(["token", "create", "--email", "admin@localhost", "--name", "api.sh"],
            new Dictionary<string, string>(environment) { ["Samples__Load"] = "false" }, TimeSpan.FromSeconds(60));
        Assert.True(exit == 0, error);
        var token = output.Trim().Split('\n').Last().Trim();

        using var client = new HttpClient { BaseAddress = new Uri(app.Url) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>("/api/v1/processes")).GetArrayLength());

        var script = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        script.ArgumentList.Add(Path.Combine(AppProcess.RepositoryRoot(), "samples", "api.sh"));
        script.Environment["TOKEN"] = token;
        script.Environment["BASE_URL"] = app.Url;
        using var run = Process.Start(script)!;
        var said = run.StandardOutput.ReadToEndAsync();
        var complained = run.StandardError.ReadToEndAsync();
        await run.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(120));
        Assert.True(run.ExitCode == 0, await said + await complained);
        Assert.Contains("established on 2025-12-22", await said);

        var processes = await client.GetFromJsonAsync<JsonElement>("/api/v1/processes");
        Assert.Equal("Kazakhstan: walkthrough from samples/api.sh", processes.EnumerateArray().Single().GetProperty("title").GetString());
    }
}
