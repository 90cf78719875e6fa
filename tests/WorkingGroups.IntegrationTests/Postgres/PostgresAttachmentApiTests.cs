using WorkingGroups.IntegrationTests.Attachments;

namespace WorkingGroups.IntegrationTests.Postgres;

/// <summary>The documents' contract on PostgreSQL: the same bytes back, the same refusals, nothing half-stored.</summary>
public sealed class PostgresAttachmentApiTests(PostgresAppFactory factory) : AttachmentApiContract<PostgresAppFactory>(factory);
