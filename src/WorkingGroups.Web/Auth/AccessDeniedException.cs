namespace WorkingGroups.Web.Auth;

/// <summary>A signed-in user who may read but not change this.</summary>
internal sealed class AccessDeniedException(string detail) : Exception(detail);
