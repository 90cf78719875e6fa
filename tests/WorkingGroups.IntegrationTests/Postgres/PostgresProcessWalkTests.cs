using WorkingGroups.IntegrationTests.Processes;

namespace WorkingGroups.IntegrationTests.Postgres;

/// <summary>The Kazakh and Tajik establishments walked through the API with the app, the engine and the jobs on PostgreSQL.</summary>
public sealed class PostgresProcessWalkTests(PostgresAppFactory factory) : ProcessWalkContract<PostgresAppFactory>(factory);
