namespace WorkingGroups.Core.Definitions;

/// <summary>What a definition establishes or changes.</summary>
public enum DefinitionKind { Establishment, MembershipChange }

/// <summary>What a step is, which decides how it is completed and reminded.</summary>
public enum StepKind { Task, Letter, Approval, Invitations, Milestone }

public enum BodyKind { Ministry, Committee, Department, Service, Agency, Government, International, Ngo }

/// <summary>A body's place in the working group. A body with no role is related (it approves, transmits) but not a member.</summary>
public enum BodyRole { Chair, CoChair, Secretary, Member, Observer }

public enum MeetingKind { Annual, Interim }

public enum DecisionKind { WorkPlan, Minutes }

/// <summary>The spelling of each enum value in definition files (kebab-case).</summary>
public static class KindNames
{
    public static string Of<T>(T value) where T : struct, Enum => ToKebab(value.ToString());

    public static IReadOnlyList<string> All<T>() where T : struct, Enum => Enum.GetValues<T>().Select(v => Of(v)).ToList();

    public static bool TryParse<T>(string text, out T value) where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (Of(candidate) == text)
            {
                value = candidate;
                return true;
            }
        }
        value = default;
        return false;
    }

    private static string ToKebab(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) ? (i == 0 ? "" : "-") + char.ToLowerInvariant(c) : c.ToString()));
}
