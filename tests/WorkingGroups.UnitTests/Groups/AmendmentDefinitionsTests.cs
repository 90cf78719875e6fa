using WorkingGroups.Core.Definitions;
using WorkingGroups.UnitTests.Definitions;

namespace WorkingGroups.UnitTests.Groups;

/// <summary>The shipped amendments: one per country, inviting the parties the source's lessons name, each with the role it joins in.</summary>
public sealed class AmendmentDefinitionsTests
{
    private static readonly IReadOnlyList<ProcessDefinition> Amendments = DefinitionLoader.LoadFolder(RepositoryDefinitionsTests.WorkflowsFolder())
        .Definitions.Where(d => d.Kind == DefinitionKind.MembershipChange).ToList();

    [Fact]
    public void Kazakhstan_and_Tajikistan_each_have_an_amendment_that_invites_bodies_and_ends_with_an_approval()
    {
        Assert.Equal(["KZ", "TJ"], Amendments.Select(d => d.Country).Order());
        foreach (var d in Amendments)
        {
            var invitations = Assert.Single(d.Steps, s => s.Kind == StepKind.Invitations);
            Assert.All(invitations.Invitees, b => Assert.NotEmpty(d.FindBody(b)!.Roles)); // it joins as a member or an observer
            Assert.Contains(invitations.Invitees, b => d.FindBody(b)!.Name.Get("en").Contains("Health"));
            var last = d.Steps.Single(s => !d.Steps.Any(o => o.After.Contains(s.Id)));
            Assert.Equal(StepKind.Approval, last.Kind);
            Assert.True(d.Benchmark.Assumption, $"{d.Id}: the source gives no duration for an amendment");
        }
    }
}
