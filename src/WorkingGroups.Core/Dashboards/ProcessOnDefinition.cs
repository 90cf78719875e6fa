using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Processes;

namespace WorkingGroups.Core.Dashboards;

/// <summary>A process with the definition version it runs on.</summary>
public sealed record ProcessOnDefinition(Process Process, ProcessDefinition Definition);
