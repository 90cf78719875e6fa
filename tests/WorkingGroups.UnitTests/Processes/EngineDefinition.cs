using WorkingGroups.Core.Definitions;

namespace WorkingGroups.UnitTests.Processes;

/// <summary>
/// The shape the engine tests walk: draft and letter open with the process; invite waits for both and invites two
/// bodies; approve waits for invite; publish waits only for draft, so the process ends on two branches.
/// </summary>
internal static class EngineDefinition
{
    public static readonly ProcessDefinition Definition = Walk.Load("""
        {
          "schemaVersion": 1,
          "id": "xx-establishment",
          "version": 1,
          "country": "XX",
          "kind": "establishment",
          "title": { "en": "Test group", "ru": "Тестовая группа" },
          "leadBody": "lead",
          "benchmark": { "days": 90, "assumption": false, "source": "a test" },
          "bodies": [
            { "id": "lead", "name": { "en": "Lead body", "ru": "Ведущий орган" }, "kind": "committee", "roles": ["chair", "member"] },
            { "id": "water", "name": { "en": "Water body", "ru": "Водный орган" }, "kind": "agency", "roles": ["member"] },
            { "id": "energy", "name": { "en": "Energy body", "ru": "Энергетический орган" }, "kind": "agency", "roles": ["member"] },
            { "id": "gov", "name": { "en": "Government", "ru": "Правительство" }, "kind": "government", "roles": [] }
          ],
          "steps": [
            { "id": "draft", "title": { "en": "Draft", "ru": "Проект" }, "kind": "task", "owner": "lead", "after": [],
              "benchmark": { "days": 10, "assumption": true } },
            { "id": "letter", "title": { "en": "Letter", "ru": "Письмо" }, "kind": "letter", "owner": "lead", "after": [],
              "benchmark": { "days": 10, "assumption": true } },
            { "id": "invite", "title": { "en": "Invite", "ru": "Приглашения" }, "kind": "invitations", "owner": "lead",
              "after": ["draft", "letter"], "invitees": ["water", "energy"], "benchmark": { "days": 20, "assumption": true } },
            { "id": "approve", "title": { "en": "Approve", "ru": "Утвердить" }, "kind": "approval", "owner": "gov",
              "after": ["invite"], "benchmark": { "days": 30, "assumption": true } },
            { "id": "publish", "title": { "en": "Publish", "ru": "Опубликовать" }, "kind": "task", "owner": "lead",
              "after": ["draft"], "benchmark": { "days": 10, "assumption": true } }
          ]
        }
        """);
}
