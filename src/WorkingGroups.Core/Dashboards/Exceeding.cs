using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Processes;

namespace WorkingGroups.Core.Dashboards;

public sealed record Exceeding(Guid ProcessId, string ProcessTitle, int Days, bool Running);
