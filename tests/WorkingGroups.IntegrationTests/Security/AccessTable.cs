namespace WorkingGroups.IntegrationTests.Security;

/// <summary>Who may call what: the expected answer of every endpoint for every kind of caller.</summary>
public static class AccessTable
{
    public const string Anonymous = "Anonymous";
    public const string RevokedToken = "Revoked token";
    public const string ExpiredToken = "Expired token";
    public const string LockedUsersToken = "Locked user's token";

    /// <summary>Everyone, signed in or not.</summary>
    private static readonly Access Public = new(Outcome.Allowed, Outcome.Allowed, Outcome.Allowed, Outcome.Allowed, Outcome.Allowed);

    /// <summary>Any signed-in user reads.</summary>
    private static readonly Access SignedIn = new(Outcome.SignIn, Outcome.Allowed, Outcome.Allowed, Outcome.Allowed, Outcome.Allowed);

    /// <summary>Changes a Kazakh process: its country's coordinators and admins.</summary>
    private static readonly Access CoordinatorOfKz = new(Outcome.SignIn, Outcome.Refused, Outcome.Allowed, Outcome.Refused, Outcome.Allowed);

    /// <summary>Any coordinator (for their own country) and admins: the weekly digest.</summary>
    private static readonly Access AnyCoordinator = new(Outcome.SignIn, Outcome.Refused, Outcome.Allowed, Outcome.Allowed, Outcome.Allowed);

    /// <summary>The page refusals lead to answers 403 to everyone, so a browser and a script both see the refusal.</summary>
    private static readonly Access RefusalPage = new(Outcome.Refused, Outcome.Refused, Outcome.Refused, Outcome.Refused, Outcome.Refused);

    private static readonly Access AdminOnly = new(Outcome.SignIn, Outcome.Refused, Outcome.Refused, Outcome.Refused, Outcome.Allowed);

    public static readonly IReadOnlyDictionary<EndpointKey, Access> Expected = new Dictionary<EndpointKey, Access>
    {
        // Pages
        [new("GET", "/")] = Public,
        [new("GET", "/Index")] = Public,
        [new("GET", "/account/sign-in")] = Public,
        [new("GET", "/account/sign-out")] = Public,
        [new("GET", "/account/denied")] = RefusalPage,
        [new("GET", "/account/password")] = SignedIn,
        [new("GET", "/culture")] = Public,
        [new("GET", "/status/{code:int}")] = Public,
        [new("GET", "/answer/{token}")] = Public, // the signed token in the link is the credential
        [new("GET", "/definitions")] = Public,
        [new("GET", "/definitions/{id}")] = Public,
        [new("GET", "/processes")] = SignedIn,
        [new("GET", "/processes/new")] = AnyCoordinator, // lists the definitions the caller may start
        [new("GET", "/processes/{id:guid}")] = SignedIn,
        [new("GET", "/groups")] = SignedIn,
        [new("GET", "/groups/{id:guid}")] = SignedIn,
        [new("GET", "/groups/{id:guid}/meetings")] = SignedIn,
        [new("GET", "/groups/{id:guid}/workplans")] = SignedIn,
        [new("GET", "/dashboard")] = SignedIn,
        [new("GET", "/dashboard/steps")] = SignedIn,
        [new("GET", "/dashboard/countries")] = SignedIn,
        [new("GET", "/dashboard/agencies")] = SignedIn,
        [new("GET", "/admin/users")] = AdminOnly,
        [new("GET", "/admin/calendars")] = AdminOnly,
        [new("GET", "/hangfire/{**path}")] = AdminOnly,
        [new("GET", "/health")] = Public,

        // API
        [new("GET", "/api/v1/me/")] = SignedIn,
        [new("PUT", "/api/v1/me/language")] = SignedIn,
        [new("GET", "/api/v1/definitions/")] = Public,
        [new("GET", "/api/v1/definitions/{id}")] = Public,
        [new("GET", "/api/v1/processes/")] = SignedIn,
        [new("POST", "/api/v1/processes/")] = CoordinatorOfKz,
        [new("GET", "/api/v1/processes/{id:guid}")] = SignedIn,
        [new("GET", "/api/v1/processes/{id:guid}/audit")] = SignedIn,
        [new("POST", "/api/v1/processes/{id:guid}/steps/{stepId}/complete")] = CoordinatorOfKz,
        [new("POST", "/api/v1/processes/{id:guid}/steps/{stepId}/invitations/{bodyId}")] = CoordinatorOfKz,
        [new("PATCH", "/api/v1/processes/{id:guid}/steps/{stepId}")] = CoordinatorOfKz,
        [new("POST", "/api/v1/processes/{id:guid}/steps/{stepId}/send-back")] = CoordinatorOfKz,
        [new("POST", "/api/v1/processes/{id:guid}/cancel")] = CoordinatorOfKz,
        [new("GET", "/api/v1/processes/{id:guid}/reminders/")] = SignedIn,
        [new("POST", "/api/v1/processes/{id:guid}/reminders/send-now")] = CoordinatorOfKz,
        [new("POST", "/api/v1/processes/{id:guid}/reminders/pause")] = CoordinatorOfKz,
        [new("POST", "/api/v1/processes/{id:guid}/reminders/resume")] = CoordinatorOfKz,
        [new("POST", "/api/v1/processes/{id:guid}/reminders/recorded")] = CoordinatorOfKz,
        [new("PATCH", "/api/v1/processes/{id:guid}/reminders/recorded/{reminderId:long}")] = CoordinatorOfKz,
        [new("DELETE", "/api/v1/processes/{id:guid}/reminders/recorded/{reminderId:long}")] = CoordinatorOfKz,
        [new("POST", "/api/v1/admin/reminders/sweep")] = AdminOnly,
        [new("GET", "/api/v1/reminders/digest/")] = AnyCoordinator,
        [new("PUT", "/api/v1/reminders/digest/")] = AnyCoordinator,
        [new("GET", "/api/v1/dashboards/portfolio")] = SignedIn,
        [new("GET", "/api/v1/attention/")] = SignedIn,
        [new("GET", "/api/v1/dashboards/steps")] = SignedIn,
        [new("GET", "/api/v1/dashboards/countries")] = SignedIn,
        [new("GET", "/api/v1/dashboards/agencies")] = SignedIn,
        [new("GET", "/api/v1/exports/steps.csv")] = SignedIn,
        [new("GET", "/api/v1/exports/invitations.csv")] = SignedIn,
        [new("GET", "/api/v1/exports/portfolio.xlsx")] = SignedIn,
        [new("GET", "/api/v1/groups/")] = SignedIn,
        [new("GET", "/api/v1/groups/{groupId:guid}")] = SignedIn,
        [new("GET", "/api/v1/groups/{groupId:guid}/composition")] = SignedIn,
        [new("GET", "/api/v1/groups/{groupId:guid}/notices")] = SignedIn,
        [new("POST", "/api/v1/groups/{groupId:guid}/bodies/{bodyId}/rename")] = CoordinatorOfKz,
        [new("POST", "/api/v1/groups/{groupId:guid}/bodies/{bodyId}/representative")] = CoordinatorOfKz,
        [new("GET", "/api/v1/groups/{groupId:guid}/amendments")] = SignedIn,
        [new("POST", "/api/v1/groups/{groupId:guid}/amendments")] = CoordinatorOfKz,
        [new("GET", "/api/v1/groups/{groupId:guid}/meetings")] = SignedIn,
        [new("POST", "/api/v1/groups/{groupId:guid}/meetings")] = CoordinatorOfKz,
        [new("GET", "/api/v1/groups/{groupId:guid}/meetings/{meetingId:guid}")] = SignedIn,
        [new("DELETE", "/api/v1/groups/{groupId:guid}/meetings/{meetingId:guid}")] = CoordinatorOfKz,
        [new("POST", "/api/v1/groups/{groupId:guid}/meetings/{meetingId:guid}/record")] = CoordinatorOfKz,
        [new("POST", "/api/v1/groups/{groupId:guid}/meetings/{meetingId:guid}/minutes")] = CoordinatorOfKz,
        [new("GET", "/api/v1/groups/{groupId:guid}/workplans")] = SignedIn,
        [new("POST", "/api/v1/groups/{groupId:guid}/workplans")] = CoordinatorOfKz,
        [new("GET", "/api/v1/groups/{groupId:guid}/workplans/{planId:guid}")] = SignedIn,
        [new("POST", "/api/v1/groups/{groupId:guid}/workplans/{planId:guid}/items")] = CoordinatorOfKz,
        [new("PATCH", "/api/v1/groups/{groupId:guid}/workplans/{planId:guid}/items/{itemId:guid}")] = CoordinatorOfKz,
        [new("DELETE", "/api/v1/groups/{groupId:guid}/workplans/{planId:guid}/items/{itemId:guid}")] = CoordinatorOfKz,
        [new("POST", "/api/v1/groups/{groupId:guid}/workplans/{planId:guid}/adopt")] = CoordinatorOfKz,

        // Documents: read like their owner, changed by its country's coordinators (issue 32).
        [new("GET", "/answer/{token}/attachments")] = Public, // the form posts here; a GET goes back to the answer page
        [new("GET", "/processes/{id:guid}/steps/{stepId}/attachments")] = SignedIn, // the form posts here; a GET goes back to the process
        [new("GET", "/api/v1/processes/{id:guid}/steps/{stepId}/attachments")] = SignedIn,
        [new("GET", "/api/v1/processes/{id:guid}/letters/{kind}")] = SignedIn, // the answer link only in a coordinator's copy
        [new("GET", "/api/v1/processes/{id:guid}/steps/{stepId}/invitations/{bodyId}/letters/{kind}")] = SignedIn,
        [new("POST", "/api/v1/processes/{id:guid}/steps/{stepId}/attachments")] = CoordinatorOfKz,
        [new("GET", "/api/v1/processes/{id:guid}/steps/{stepId}/attachments/{attachmentId:guid}")] = SignedIn,
        [new("DELETE", "/api/v1/processes/{id:guid}/steps/{stepId}/attachments/{attachmentId:guid}")] = CoordinatorOfKz,
        [new("GET", "/api/v1/processes/{id:guid}/steps/{stepId}/invitations/{bodyId}/attachments")] = SignedIn,
        [new("POST", "/api/v1/processes/{id:guid}/steps/{stepId}/invitations/{bodyId}/attachments")] = CoordinatorOfKz,
        [new("GET", "/api/v1/processes/{id:guid}/steps/{stepId}/invitations/{bodyId}/attachments/{attachmentId:guid}")] = SignedIn,
        [new("DELETE", "/api/v1/processes/{id:guid}/steps/{stepId}/invitations/{bodyId}/attachments/{attachmentId:guid}")] = CoordinatorOfKz,
        [new("GET", "/api/v1/groups/{groupId:guid}/meetings/{meetingId:guid}/attachments")] = SignedIn,
        [new("POST", "/api/v1/groups/{groupId:guid}/meetings/{meetingId:guid}/attachments")] = CoordinatorOfKz,
        [new("GET", "/api/v1/groups/{groupId:guid}/meetings/{meetingId:guid}/attachments/{attachmentId:guid}")] = SignedIn,
        [new("DELETE", "/api/v1/groups/{groupId:guid}/meetings/{meetingId:guid}/attachments/{attachmentId:guid}")] = CoordinatorOfKz,
        [new("GET", "/api/v1/groups/{groupId:guid}/workplans/{planId:guid}/attachments")] = SignedIn,
        [new("POST", "/api/v1/groups/{groupId:guid}/workplans/{planId:guid}/attachments")] = CoordinatorOfKz,
        [new("GET", "/api/v1/groups/{groupId:guid}/workplans/{planId:guid}/attachments/{attachmentId:guid}")] = SignedIn,
        [new("DELETE", "/api/v1/groups/{groupId:guid}/workplans/{planId:guid}/attachments/{attachmentId:guid}")] = CoordinatorOfKz,

        // The API's description: public today (it describes, it holds no data).
        [new("GET", "/openapi/{documentName}.json")] = SignedIn, // open only in Development (OpenApi:Anonymous)
        [new("GET", "/openapi/{documentName?}")] = SignedIn, // open only in Development (OpenApi:Anonymous)
        [new("GET", "/openapi/favicon.svg")] = Public, // the reference viewer's own files, no data
        [new("GET", "/openapi/scalar.js")] = Public, // the reference viewer's own files, no data
        [new("GET", "/openapi/scalar.aspnetcore.js")] = Public, // the reference viewer's own files, no data
    };

    /// <summary>A real URL for a route pattern: the Kazakh process and group, its first step, a body it invites, an unsigned token.</summary>
    public static string Url(string pattern, MatrixIds ids) => pattern
        .Replace("{id:guid}", pattern.StartsWith("/groups/", StringComparison.Ordinal) ? ids.Group : ids.Process)
        .Replace("{groupId:guid}", ids.Group)
        .Replace("{meetingId:guid}", ids.Meeting)
        .Replace("{planId:guid}", ids.Plan)
        .Replace("{itemId:guid}", ids.Item)
        .Replace("{attachmentId:guid}", "00000000-0000-0000-0000-00000000000a")
        .Replace("{reminderId:long}", "1")
        .Replace("{kind}", pattern.Contains("/invitations/", StringComparison.Ordinal) ? "invitation" : "minister-letter")
        .Replace("{stepId}", "start-procedure")
        .Replace("{bodyId}", "cerc-menr")
        .Replace("{token}", "not-a-signed-token")
        .Replace("{code:int}", "404")
        .Replace("{id}", "kz-establishment")
        .Replace("{documentName}", "v1")
        .Replace("{documentName?}", "")
        .Replace("{**path}", "");

    /// <summary>A valid body for each write, so the answer shows the access rule rather than a validation error.</summary>
    public static string Body(EndpointKey endpoint) => endpoint.Path switch
    {
        "/api/v1/processes/" => """{"definitionId":"kz-establishment","startedOn":"2025-09-01"}""",
        var p when p.EndsWith("/complete", StringComparison.Ordinal) => """{"completedOn":"2025-09-05"}""",
        var p when p.EndsWith("/invitations/{bodyId}", StringComparison.Ordinal) => """{"response":"declined","respondedOn":"2025-09-05","reason":"no mandate"}""",
        var p when p.EndsWith("/steps/{stepId}", StringComparison.Ordinal) => """{"note":"corrected"}""",
        var p when p.EndsWith("/recorded/{reminderId:long}", StringComparison.Ordinal) => """{"note":"corrected"}""",
        var p when p.EndsWith("/send-back", StringComparison.Ordinal) => """{"sentBackOn":"2025-09-06","reason":"matrix test"}""",
        var p when p.EndsWith("/cancel", StringComparison.Ordinal) => """{"cancelledOn":"2025-09-06","reason":"matrix test"}""",
        "/api/v1/reminders/digest/" => """{"weekly":true}""",
        "/api/v1/me/language" => """{"language":"en"}""",
        var p when p.EndsWith("/rename", StringComparison.Ordinal) => """{"name":{"en":"Renamed","ru":"Переименован"},"effectiveOn":"2026-01-10"}""",
        var p when p.EndsWith("/representative", StringComparison.Ordinal) => """{"name":"Matrix Person","effectiveOn":"2026-01-10"}""",
        var p when p.EndsWith("/amendments", StringComparison.Ordinal) => """{"definitionId":"kz-amendment","startedOn":"2026-02-02"}""",
        var p when p.EndsWith("/meetings", StringComparison.Ordinal) => """{"kind":"interim","date":"2026-04-01","startsAt":"10:00","place":"Astana"}""",
        var p when p.EndsWith("/record", StringComparison.Ordinal) => """{"decisions":["Matrix decision"]}""",
        var p when p.EndsWith("/minutes", StringComparison.Ordinal) => """{"status":"draft"}""",
        var p when p.EndsWith("/workplans", StringComparison.Ordinal) => """{"year":2026}""",
        var p when p.EndsWith("/items", StringComparison.Ordinal) => """{"title":"Matrix item","responsibleBodyId":"iwac","deadline":"2026-09-01"}""",
        var p when p.EndsWith("/items/{itemId:guid}", StringComparison.Ordinal) => """{"status":"in-progress"}""",
        var p when p.EndsWith("/adopt", StringComparison.Ordinal) => """{"meetingId":"00000000-0000-0000-0000-000000000000"}""",
        _ => "{}",
    };
}

/// <summary>The Kazakh process, and the Kazakh group with a meeting, a Work Plan and an item, that the matrix's URLs name.</summary>
public sealed record MatrixIds(string Process, string Group, string Meeting, string Plan, string Item);

/// <summary>The expected outcome per kind of caller.</summary>
public sealed record Access(Outcome Anonymous, Outcome Observer, Outcome CoordinatorOfKz, Outcome CoordinatorOfTj, Outcome Admin)
{
    public Outcome For(string caller) => caller switch
    {
        // A token that no longer works is no credential: the caller is as anonymous.
        AccessTable.Anonymous or AccessTable.RevokedToken or AccessTable.ExpiredToken or AccessTable.LockedUsersToken => Anonymous,
        "Observer" => Observer,
        "Coordinator of KZ" => CoordinatorOfKz,
        "Coordinator of TJ" => CoordinatorOfTj,
        "Admin" => Admin,
        _ => throw new ArgumentOutOfRangeException(nameof(caller), caller, null),
    };
}
