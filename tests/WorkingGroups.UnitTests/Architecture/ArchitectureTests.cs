using System.Reflection;
using System.Runtime.CompilerServices;
using NetArchTest.Rules;
using WorkingGroups.Core.Processes;
using WorkingGroups.Infrastructure.Persistence;

namespace WorkingGroups.UnitTests.Architecture;

/// <summary>Which project, and which feature, may use what (docs/architecture.md).</summary>
public sealed class ArchitectureTests
{
    private static readonly Assembly Core = typeof(Process).Assembly;
    private static readonly Assembly Infrastructure = typeof(AppDbContext).Assembly;

    [Fact]
    public void The_domain_uses_no_framework_and_no_infrastructure()
    {
        var result = Types.InAssembly(Core).ShouldNot().HaveDependencyOnAny(
                "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Microsoft.Extensions", "Hangfire", "MailKit", "MimeKit",
                "Serilog", "Npgsql", "WorkingGroups.Infrastructure", "WorkingGroups.Web")
            .GetResult();
        Assert.True(result.IsSuccessful, Failing(result));
    }

    [Fact]
    public void The_web_sees_only_what_infrastructure_makes_public()
    {
        var opened = Infrastructure.GetCustomAttributes<InternalsVisibleToAttribute>().Select(a => a.AssemblyName)
            .Where(name => name.StartsWith("WorkingGroups.Web", StringComparison.Ordinal));
        Assert.Empty(opened);
    }

    /// <summary>The engine and the definitions know nothing of what is built on them (groups, reminders, reads).</summary>
    [Theory]
    [InlineData("WorkingGroups.Core.Definitions")]
    [InlineData("WorkingGroups.Core.Processes")]
    public void The_engine_does_not_use_the_features_built_on_it(string feature)
    {
        var result = Types.InAssembly(Core).That().ResideInNamespace(feature).ShouldNot().HaveDependencyOnAny(
                "WorkingGroups.Core.Groups", "WorkingGroups.Core.Reminders", "WorkingGroups.Core.Dashboards", "WorkingGroups.Core.Attention")
            .GetResult();
        Assert.True(result.IsSuccessful, Failing(result));
    }

    /// <summary>The homes every feature uses (the outbox, the jobs, persistence, start-up) use no feature's internals.</summary>
    [Theory]
    [InlineData("WorkingGroups.Infrastructure.Mail")]
    [InlineData("WorkingGroups.Infrastructure.Jobs")]
    [InlineData("WorkingGroups.Infrastructure.Hosting")]
    public void Shared_homes_do_not_reach_into_features(string home)
    {
        var result = Types.InAssembly(Infrastructure).That().ResideInNamespace(home).ShouldNot().HaveDependencyOnAny(
                "WorkingGroups.Infrastructure.Groups", "WorkingGroups.Infrastructure.Processes", "WorkingGroups.Infrastructure.Attention",
                "WorkingGroups.Infrastructure.Samples", "WorkingGroups.Web")
            .GetResult();
        Assert.True(result.IsSuccessful, Failing(result));
    }

    private static string Failing(TestResult result) =>
        "These types break the rule: " + string.Join(", ", result.FailingTypes?.Select(t => t.FullName) ?? []);
}
