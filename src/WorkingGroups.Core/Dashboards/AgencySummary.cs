using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Processes;

namespace WorkingGroups.Core.Dashboards;

public sealed record AgencySummary(
    string Country, string BodyId, int Invited, int Answered, int Pending, double? MedianDaysToAnswer, int? MaxDaysToAnswer,
    int? LongestPendingDays, int RemindersSent);
