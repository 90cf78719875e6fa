CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);

CREATE TABLE "AspNetRoles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetRoles" PRIMARY KEY,
    "Name" TEXT NULL,
    "NormalizedName" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL
);

CREATE TABLE "AspNetUsers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetUsers" PRIMARY KEY,
    "Country" TEXT NULL,
    "UserName" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "PasswordHash" TEXT NULL,
    "SecurityStamp" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "LockoutEnd" TEXT NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "AccessFailedCount" INTEGER NOT NULL
);

CREATE TABLE "AuditEntries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AuditEntries" PRIMARY KEY AUTOINCREMENT,
    "ProcessId" TEXT NOT NULL,
    "At" TEXT NOT NULL,
    "User" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "StepId" TEXT NULL,
    "BodyId" TEXT NULL,
    "Before" TEXT NULL,
    "After" TEXT NULL
);

CREATE TABLE "DefinitionVersions" (
    "DefinitionId" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "Country" TEXT NOT NULL,
    "ContentHash" TEXT NOT NULL,
    "Json" TEXT NOT NULL,
    "PublishedAt" TEXT NOT NULL,
    CONSTRAINT "PK_DefinitionVersions" PRIMARY KEY ("DefinitionId", "Version")
);

CREATE TABLE "EngineEvents" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_EngineEvents" PRIMARY KEY,
    "EventName" TEXT NOT NULL,
    "EventKey" TEXT NOT NULL,
    "EventDataJson" TEXT NULL,
    "EventTime" TEXT NOT NULL,
    "IsProcessed" INTEGER NOT NULL
);

CREATE TABLE "EngineExecutionErrors" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_EngineExecutionErrors" PRIMARY KEY AUTOINCREMENT,
    "WorkflowId" TEXT NOT NULL,
    "ExecutionPointerId" TEXT NULL,
    "ErrorTime" TEXT NOT NULL,
    "Message" TEXT NULL
);

CREATE TABLE "EngineScheduledCommands" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_EngineScheduledCommands" PRIMARY KEY AUTOINCREMENT,
    "CommandName" TEXT NOT NULL,
    "Data" TEXT NOT NULL,
    "ExecuteTime" INTEGER NOT NULL
);

CREATE TABLE "EngineSubscriptions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_EngineSubscriptions" PRIMARY KEY,
    "WorkflowId" TEXT NOT NULL,
    "StepId" INTEGER NOT NULL,
    "ExecutionPointerId" TEXT NULL,
    "EventName" TEXT NOT NULL,
    "EventKey" TEXT NOT NULL,
    "SubscribeAsOf" TEXT NOT NULL,
    "SubscriptionDataJson" TEXT NULL,
    "ExternalToken" TEXT NULL,
    "ExternalWorkerId" TEXT NULL,
    "ExternalTokenExpiry" TEXT NULL
);

CREATE TABLE "EngineWorkflows" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_EngineWorkflows" PRIMARY KEY,
    "WorkflowDefinitionId" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "Description" TEXT NULL,
    "Reference" TEXT NULL,
    "DataJson" TEXT NULL,
    "ExecutionPointersJson" TEXT NOT NULL,
    "NextExecution" INTEGER NULL,
    "Status" INTEGER NOT NULL,
    "CreateTime" TEXT NOT NULL,
    "CompleteTime" TEXT NULL,
    "ConcurrencyToken" TEXT NOT NULL
);

CREATE TABLE "Processes" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Processes" PRIMARY KEY,
    "DefinitionId" TEXT NOT NULL,
    "DefinitionVersion" INTEGER NOT NULL,
    "Country" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "StartedOn" TEXT NOT NULL,
    "EstablishedOn" TEXT NULL,
    "CancelledOn" TEXT NULL,
    "CancelReason" TEXT NULL,
    "BenchmarkDays" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedBy" TEXT NOT NULL,
    "Version" TEXT NOT NULL
);

CREATE TABLE "AspNetRoleClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetRoleClaims" PRIMARY KEY AUTOINCREMENT,
    "RoleId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetRoleClaims_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetUserClaims" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetUserClaims_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserLogins" (
    "LoginProvider" TEXT NOT NULL,
    "ProviderKey" TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserLogins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_AspNetUserLogins_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserRoles" (
    "UserId" TEXT NOT NULL,
    "RoleId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserRoles" PRIMARY KEY ("UserId", "RoleId"),
    CONSTRAINT "FK_AspNetUserRoles_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AspNetUserRoles_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserTokens" (
    "UserId" TEXT NOT NULL,
    "LoginProvider" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NULL,
    CONSTRAINT "PK_AspNetUserTokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_AspNetUserTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ProcessSteps" (
    "ProcessId" TEXT NOT NULL,
    "StepId" TEXT NOT NULL,
    "Order" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "ActivatedOn" TEXT NULL,
    "CompletedOn" TEXT NULL,
    "Note" TEXT NULL,
    "Evidence" TEXT NOT NULL,
    "BenchmarkDays" INTEGER NOT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "PK_ProcessSteps" PRIMARY KEY ("ProcessId", "StepId"),
    CONSTRAINT "FK_ProcessSteps_Processes_ProcessId" FOREIGN KEY ("ProcessId") REFERENCES "Processes" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Invitations" (
    "ProcessId" TEXT NOT NULL,
    "StepId" TEXT NOT NULL,
    "BodyId" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "SentOn" TEXT NOT NULL,
    "RespondedOn" TEXT NULL,
    "Nominee" TEXT NULL,
    "Reason" TEXT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "PK_Invitations" PRIMARY KEY ("ProcessId", "StepId", "BodyId"),
    CONSTRAINT "FK_Invitations_ProcessSteps_ProcessId_StepId" FOREIGN KEY ("ProcessId", "StepId") REFERENCES "ProcessSteps" ("ProcessId", "StepId") ON DELETE CASCADE
);

CREATE INDEX "IX_AspNetRoleClaims_RoleId" ON "AspNetRoleClaims" ("RoleId");

CREATE UNIQUE INDEX "RoleNameIndex" ON "AspNetRoles" ("NormalizedName");

CREATE INDEX "IX_AspNetUserClaims_UserId" ON "AspNetUserClaims" ("UserId");

CREATE INDEX "IX_AspNetUserLogins_UserId" ON "AspNetUserLogins" ("UserId");

CREATE INDEX "IX_AspNetUserRoles_RoleId" ON "AspNetUserRoles" ("RoleId");

CREATE INDEX "EmailIndex" ON "AspNetUsers" ("NormalizedEmail");

CREATE UNIQUE INDEX "UserNameIndex" ON "AspNetUsers" ("NormalizedUserName");

CREATE INDEX "IX_AuditEntries_ProcessId" ON "AuditEntries" ("ProcessId");

CREATE INDEX "IX_EngineEvents_EventName_EventKey_EventTime" ON "EngineEvents" ("EventName", "EventKey", "EventTime");

CREATE INDEX "IX_EngineEvents_IsProcessed_EventTime" ON "EngineEvents" ("IsProcessed", "EventTime");

CREATE INDEX "IX_EngineExecutionErrors_WorkflowId" ON "EngineExecutionErrors" ("WorkflowId");

CREATE UNIQUE INDEX "IX_EngineScheduledCommands_CommandName_Data" ON "EngineScheduledCommands" ("CommandName", "Data");

CREATE INDEX "IX_EngineScheduledCommands_ExecuteTime" ON "EngineScheduledCommands" ("ExecuteTime");

CREATE INDEX "IX_EngineSubscriptions_EventName_EventKey" ON "EngineSubscriptions" ("EventName", "EventKey");

CREATE INDEX "IX_EngineSubscriptions_WorkflowId" ON "EngineSubscriptions" ("WorkflowId");

CREATE INDEX "IX_EngineWorkflows_Reference" ON "EngineWorkflows" ("Reference");

CREATE INDEX "IX_EngineWorkflows_Status_NextExecution" ON "EngineWorkflows" ("Status", "NextExecution");

CREATE INDEX "IX_Processes_Country_Status" ON "Processes" ("Country", "Status");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261124173145_Initial', '10.0.15');

ALTER TABLE "Processes" ADD "EngineInstanceId" TEXT NULL;

ALTER TABLE "AspNetUsers" ADD "MustChangePassword" INTEGER NOT NULL DEFAULT 0;

CREATE TABLE "ApiTokens" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ApiTokens" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Hash" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "ExpiresAt" TEXT NULL,
    "RevokedAt" TEXT NULL,
    CONSTRAINT "FK_ApiTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "IdempotencyRecords" (
    "User" TEXT NOT NULL,
    "Key" TEXT NOT NULL,
    "Request" TEXT NOT NULL,
    "StatusCode" INTEGER NOT NULL,
    "Location" TEXT NULL,
    "Body" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    CONSTRAINT "PK_IdempotencyRecords" PRIMARY KEY ("User", "Key")
);

CREATE UNIQUE INDEX "IX_ApiTokens_Hash" ON "ApiTokens" ("Hash");

CREATE INDEX "IX_ApiTokens_UserId" ON "ApiTokens" ("UserId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261124184356_EngineProcessesAndTokens', '10.0.15');

CREATE TABLE "Digests" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Digests" PRIMARY KEY AUTOINCREMENT,
    "Email" TEXT NOT NULL,
    "WeekOf" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "LastError" TEXT NULL,
    "MessageId" TEXT NULL,
    "SentAt" TEXT NULL
);

CREATE TABLE "DigestSubscriptions" (
    "Email" TEXT NOT NULL CONSTRAINT "PK_DigestSubscriptions" PRIMARY KEY,
    "Country" TEXT NULL,
    "SubscribedAt" TEXT NOT NULL
);

CREATE TABLE "ReminderPauses" (
    "ProcessId" TEXT NOT NULL CONSTRAINT "PK_ReminderPauses" PRIMARY KEY,
    "PausedAt" TEXT NOT NULL,
    "PausedBy" TEXT NOT NULL
);

CREATE TABLE "Reminders" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Reminders" PRIMARY KEY AUTOINCREMENT,
    "ProcessId" TEXT NOT NULL,
    "StepId" TEXT NOT NULL,
    "BodyId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Sequence" INTEGER NOT NULL,
    "DueOn" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "ScheduledAt" TEXT NULL,
    "ClaimedAt" TEXT NULL,
    "SentAt" TEXT NULL,
    "Attempts" INTEGER NOT NULL,
    "LastError" TEXT NULL,
    "Recipients" TEXT NULL,
    "Language" TEXT NULL,
    "MessageId" TEXT NULL
);

CREATE UNIQUE INDEX "IX_Digests_Email_WeekOf" ON "Digests" ("Email", "WeekOf");

CREATE UNIQUE INDEX "IX_Reminders_ProcessId_StepId_BodyId_Kind_DueOn" ON "Reminders" ("ProcessId", "StepId", "BodyId", "Kind", "DueOn");

CREATE INDEX "IX_Reminders_Status" ON "Reminders" ("Status");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261124193627_Reminders', '10.0.15');

ALTER TABLE "IdempotencyRecords" ADD "ProcessId" TEXT NULL;

CREATE INDEX "IX_IdempotencyRecords_ProcessId" ON "IdempotencyRecords" ("ProcessId");

CREATE TABLE "ef_temp_IdempotencyRecords" (
    "User" TEXT NOT NULL,
    "Key" TEXT NOT NULL,
    "Body" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "Location" TEXT NULL,
    "ProcessId" TEXT NULL,
    "Request" TEXT NOT NULL,
    "StatusCode" INTEGER NOT NULL,
    CONSTRAINT "PK_IdempotencyRecords" PRIMARY KEY ("User", "Key")
);

INSERT INTO "ef_temp_IdempotencyRecords" ("User", "Key", "Body", "CreatedAt", "Location", "ProcessId", "Request", "StatusCode")
SELECT "User", "Key", "Body", "CreatedAt", "Location", "ProcessId", "Request", "StatusCode"
FROM "IdempotencyRecords";

PRAGMA foreign_keys = 0;

DROP TABLE "IdempotencyRecords";

ALTER TABLE "ef_temp_IdempotencyRecords" RENAME TO "IdempotencyRecords";

PRAGMA foreign_keys = 1;

CREATE INDEX "IX_IdempotencyRecords_ProcessId" ON "IdempotencyRecords" ("ProcessId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261124203843_IdempotencyClaims', '10.0.15');

CREATE TABLE "Groups" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Groups" PRIMARY KEY,
    "Country" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "EstablishedBy" TEXT NOT NULL,
    "DefinitionId" TEXT NOT NULL,
    "DefinitionVersion" INTEGER NOT NULL,
    "EstablishedOn" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "Version" TEXT NOT NULL
);

CREATE TABLE "GroupBodyNames" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_GroupBodyNames" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "GroupId" TEXT NOT NULL,
    "BodyId" TEXT NOT NULL,
    "From" TEXT NOT NULL,
    "Until" TEXT NULL,
    CONSTRAINT "FK_GroupBodyNames_Groups_GroupId" FOREIGN KEY ("GroupId") REFERENCES "Groups" ("Id") ON DELETE CASCADE
);

CREATE TABLE "GroupMemberships" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_GroupMemberships" PRIMARY KEY AUTOINCREMENT,
    "Role" TEXT NOT NULL,
    "GroupId" TEXT NOT NULL,
    "BodyId" TEXT NOT NULL,
    "From" TEXT NOT NULL,
    "Until" TEXT NULL,
    CONSTRAINT "FK_GroupMemberships_Groups_GroupId" FOREIGN KEY ("GroupId") REFERENCES "Groups" ("Id") ON DELETE CASCADE
);

CREATE TABLE "GroupRepresentatives" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_GroupRepresentatives" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "Position" TEXT NULL,
    "Email" TEXT NULL,
    "GroupId" TEXT NOT NULL,
    "BodyId" TEXT NOT NULL,
    "From" TEXT NOT NULL,
    "Until" TEXT NULL,
    CONSTRAINT "FK_GroupRepresentatives_Groups_GroupId" FOREIGN KEY ("GroupId") REFERENCES "Groups" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_GroupBodyNames_GroupId_BodyId" ON "GroupBodyNames" ("GroupId", "BodyId");

CREATE INDEX "IX_GroupMemberships_GroupId_BodyId" ON "GroupMemberships" ("GroupId", "BodyId");

CREATE INDEX "IX_GroupRepresentatives_GroupId_BodyId" ON "GroupRepresentatives" ("GroupId", "BodyId");

CREATE INDEX "IX_Groups_Country" ON "Groups" ("Country");

CREATE UNIQUE INDEX "IX_Groups_EstablishedBy" ON "Groups" ("EstablishedBy");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261124210213_Groups', '10.0.15');

CREATE TABLE "Meetings" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Meetings" PRIMARY KEY,
    "GroupId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Date" TEXT NOT NULL,
    "StartsAt" TEXT NOT NULL,
    "DurationMinutes" INTEGER NOT NULL,
    "TimeZone" TEXT NOT NULL,
    "Place" TEXT NULL,
    "OnlineLink" TEXT NULL,
    "Agenda" TEXT NOT NULL,
    "Attendees" TEXT NOT NULL,
    "Decisions" TEXT NOT NULL,
    "ItemReviews" TEXT NOT NULL,
    "Minutes" TEXT NOT NULL,
    "MinutesDocument" TEXT NULL,
    "MinutesApprovedOn" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_Meetings_Groups_GroupId" FOREIGN KEY ("GroupId") REFERENCES "Groups" ("Id") ON DELETE CASCADE
);

CREATE TABLE "WorkPlans" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_WorkPlans" PRIMARY KEY,
    "GroupId" TEXT NOT NULL,
    "Year" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "AdoptedOn" TEXT NULL,
    "AdoptedAt" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_WorkPlans_Groups_GroupId" FOREIGN KEY ("GroupId") REFERENCES "Groups" ("Id") ON DELETE CASCADE
);

CREATE TABLE "WorkItems" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_WorkItems" PRIMARY KEY,
    "PlanId" TEXT NOT NULL,
    "Number" INTEGER NOT NULL,
    "Title" TEXT NOT NULL,
    "ResponsibleBodyId" TEXT NOT NULL,
    "CoImplementers" TEXT NOT NULL,
    "Deadline" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "DoneOn" TEXT NULL,
    "Evidence" TEXT NOT NULL,
    "CarriedFrom" TEXT NULL,
    "Version" TEXT NOT NULL,
    CONSTRAINT "FK_WorkItems_WorkPlans_PlanId" FOREIGN KEY ("PlanId") REFERENCES "WorkPlans" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_Meetings_GroupId_Date" ON "Meetings" ("GroupId", "Date");

CREATE INDEX "IX_WorkItems_PlanId" ON "WorkItems" ("PlanId");

CREATE UNIQUE INDEX "IX_WorkPlans_GroupId_Year" ON "WorkPlans" ("GroupId", "Year");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261124210955_MeetingsAndWorkPlans', '10.0.15');

CREATE TABLE "GroupAmendments" (
    "ProcessId" TEXT NOT NULL CONSTRAINT "PK_GroupAmendments" PRIMARY KEY,
    "GroupId" TEXT NOT NULL,
    "Withdraw" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedBy" TEXT NOT NULL,
    CONSTRAINT "FK_GroupAmendments_Groups_GroupId" FOREIGN KEY ("GroupId") REFERENCES "Groups" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_GroupAmendments_GroupId" ON "GroupAmendments" ("GroupId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261124211853_GroupAmendments', '10.0.15');

CREATE TABLE "GroupNotices" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_GroupNotices" PRIMARY KEY AUTOINCREMENT,
    "GroupId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "SubjectId" TEXT NOT NULL,
    "DueOn" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "ClaimedAt" TEXT NULL,
    "SentAt" TEXT NULL,
    "Attempts" INTEGER NOT NULL,
    "LastError" TEXT NULL,
    "Recipients" TEXT NULL,
    "MessageId" TEXT NULL
);

CREATE UNIQUE INDEX "IX_GroupNotices_GroupId_Kind_SubjectId_DueOn" ON "GroupNotices" ("GroupId", "Kind", "SubjectId", "DueOn");

CREATE INDEX "IX_GroupNotices_Status" ON "GroupNotices" ("Status");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261124212843_GroupNotices', '10.0.15');

ALTER TABLE "Reminders" ADD "Channel" TEXT NULL;

ALTER TABLE "Reminders" ADD "LetterNumber" TEXT NULL;

ALTER TABLE "Reminders" ADD "Note" TEXT NULL;

ALTER TABLE "Reminders" ADD "RecordedBy" TEXT NULL;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261124233540_RecordedReminders', '10.0.15');

CREATE TABLE "DataProtectionKeys" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DataProtectionKeys" PRIMARY KEY AUTOINCREMENT,
    "FriendlyName" TEXT NULL,
    "Xml" TEXT NULL
);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261124233824_DataProtectionKeys', '10.0.15');

ALTER TABLE "AspNetUsers" ADD "Language" TEXT NULL;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261124234327_UserLanguage', '10.0.15');

ALTER TABLE "Digests" ADD "ClaimedAt" TEXT NULL;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261204040604_DigestClaims', '10.0.15');

CREATE TABLE "AnswerNotices" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AnswerNotices" PRIMARY KEY AUTOINCREMENT,
    "ProcessId" TEXT NOT NULL,
    "StepId" TEXT NOT NULL,
    "BodyId" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "LastError" TEXT NULL,
    "MessageId" TEXT NULL,
    "Recipients" TEXT NULL,
    "SentAt" TEXT NULL,
    "ClaimedAt" TEXT NULL
);

CREATE UNIQUE INDEX "IX_AnswerNotices_ProcessId_StepId_BodyId" ON "AnswerNotices" ("ProcessId", "StepId", "BodyId");

CREATE INDEX "IX_AnswerNotices_Status" ON "AnswerNotices" ("Status");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261204210330_AnswerNotices', '10.0.15');

DROP TABLE "EngineEvents";

DROP TABLE "EngineExecutionErrors";

DROP TABLE "EngineScheduledCommands";

DROP TABLE "EngineSubscriptions";

DROP TABLE "EngineWorkflows";

ALTER TABLE "ProcessSteps" ADD "Rounds" TEXT NOT NULL DEFAULT '[]';

CREATE TABLE "ef_temp_Processes" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Processes" PRIMARY KEY,
    "BenchmarkDays" INTEGER NOT NULL,
    "CancelReason" TEXT NULL,
    "CancelledOn" TEXT NULL,
    "Country" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedBy" TEXT NOT NULL,
    "DefinitionId" TEXT NOT NULL,
    "DefinitionVersion" INTEGER NOT NULL,
    "EstablishedOn" TEXT NULL,
    "StartedOn" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Version" TEXT NOT NULL
);

INSERT INTO "ef_temp_Processes" ("Id", "BenchmarkDays", "CancelReason", "CancelledOn", "Country", "CreatedAt", "CreatedBy", "DefinitionId", "DefinitionVersion", "EstablishedOn", "StartedOn", "Status", "Title", "Version")
SELECT "Id", "BenchmarkDays", "CancelReason", "CancelledOn", "Country", "CreatedAt", "CreatedBy", "DefinitionId", "DefinitionVersion", "EstablishedOn", "StartedOn", "Status", "Title", "Version"
FROM "Processes";

PRAGMA foreign_keys = 0;

DROP TABLE "Processes";

ALTER TABLE "ef_temp_Processes" RENAME TO "Processes";

PRAGMA foreign_keys = 1;

CREATE INDEX "IX_Processes_Country_Status" ON "Processes" ("Country", "Status");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261207180000_OwnEngine', '10.0.15');

CREATE TABLE "Attachments" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Attachments" PRIMARY KEY,
    "OwnerKind" TEXT NOT NULL,
    "OwnerId" TEXT NOT NULL,
    "OwnerKey" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "Size" INTEGER NOT NULL,
    "Sha256" TEXT NOT NULL,
    "Chunks" INTEGER NOT NULL,
    "AddedBy" TEXT NOT NULL,
    "AddedAt" TEXT NOT NULL
);

CREATE TABLE "AttachmentChunks" (
    "AttachmentId" TEXT NOT NULL,
    "Index" INTEGER NOT NULL,
    "Data" BLOB NOT NULL,
    CONSTRAINT "PK_AttachmentChunks" PRIMARY KEY ("AttachmentId", "Index"),
    CONSTRAINT "FK_AttachmentChunks_Attachments_AttachmentId" FOREIGN KEY ("AttachmentId") REFERENCES "Attachments" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_Attachments_OwnerKind_OwnerId_OwnerKey" ON "Attachments" ("OwnerKind", "OwnerId", "OwnerKey");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261208000503_Attachments', '10.0.15');

CREATE TABLE "CalendarYears" (
    "Country" TEXT NOT NULL,
    "Year" INTEGER NOT NULL,
    "Verified" INTEGER NOT NULL,
    "Source" TEXT NOT NULL,
    "Days" TEXT NOT NULL,
    "AddedAt" TEXT NOT NULL,
    "AddedBy" TEXT NOT NULL,
    CONSTRAINT "PK_CalendarYears" PRIMARY KEY ("Country", "Year")
);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261208013418_CalendarYears', '10.0.15');

