using System.Text.Json.Nodes;
using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Processes;
using WorkingGroups.Core.Reminders;
using WorkingGroups.Infrastructure.Definitions;
using WorkingGroups.Infrastructure.Reminders;
using WorkingGroups.Infrastructure.Texts;
using WorkingGroups.IntegrationTests.Hosting;

namespace WorkingGroups.IntegrationTests.Reminders;

/// <summary>The words of a reminder e-mail as its reader meets them: the greeting and the dates, in each language.</summary>
public sealed class ReminderMailTests
{
    private static readonly DateOnly Sent = new(2026, 3, 2), Today = new(2026, 4, 2);

    [Fact]
    public void A_reminder_greets_the_bodys_contact_in_english_and_colleagues_in_russian_and_an_escalation_greets_the_chairs()
    {
        // The Kazakh definition with its chairs and one invited body writing English.
        var definition = Kazakh(json =>
        {
            foreach (var body in json["bodies"]!.AsArray())
                if ((string?)body!["id"] is "isc-mes" or "cerc-menr" or "dles-mes") body["language"] = "en";
        });
        var english = Compose(definition, ReminderKind.Reminder, "dles-mes");
        Assert.StartsWith("Dear Office of the Director,", english.TextBody);
        Assert.Contains("The invitation was sent on 2026-03-02: 31 days ago.", english.TextBody);

        var russian = Compose(definition, ReminderKind.Reminder, "epd-mes");
        Assert.StartsWith("Уважаемые коллеги,", russian.TextBody);
        Assert.Contains("Приглашение направлено 02.03.2026: 31 дн. назад.", russian.TextBody);

        // Written to the (English-speaking) chairs about the silent body: not to that body's contact.
        var escalation = Compose(definition, ReminderKind.Escalation, "dles-mes");
        Assert.StartsWith("Dear colleagues,", escalation.TextBody);
    }

    [Fact]
    public void A_kazakh_body_reads_kazakh_with_russian_beneath_when_asked_and_a_tajik_body_reads_tajik()
    {
        var definition = Kazakh(json =>
        {
            foreach (var body in json["bodies"]!.AsArray())
            {
                if ((string?)body!["id"] == "dles-mes") { body["language"] = "kk"; body["alsoIn"] = "ru"; }
                if ((string?)body["id"] == "epd-mes") body["language"] = "tg";
            }
        });
        var kazakh = Compose(definition, ReminderKind.Reminder, "dles-mes");
        Assert.Equal("kk, ru", ReminderMail.LanguageOf(kazakh));
        Assert.StartsWith("Еске салу: Қазақстан Республикасы Төтенше жағдайлар министрлігінің Төтенше жағдайларды жою департаменті", kazakh.Subject);
        Assert.Contains(" / Напоминание: Департамент ликвидации", kazakh.Subject);
        Assert.EndsWith("(Казахстан)", kazakh.Subject);
        Assert.StartsWith("Құрметті әріптестер!", kazakh.TextBody);
        Assert.Contains("Шақыру 02.03.2026 жолданды: 31 күн бұрын.", kazakh.TextBody); // a noun after a numeral stays singular
        // The Russian text beneath the Kazakh one, each in its own section of the HTML.
        Assert.True(kazakh.TextBody!.IndexOf("Приглашение направлено 02.03.2026: 31 дн. назад.", StringComparison.Ordinal)
            > kazakh.TextBody.IndexOf("Шақыру", StringComparison.Ordinal));
        Assert.Contains("<section lang=\"kk\">", kazakh.HtmlBody);
        Assert.Contains("<section lang=\"ru\">", kazakh.HtmlBody);

        var tajik = Compose(definition, ReminderKind.Reminder, "epd-mes");
        Assert.Equal("tg", ReminderMail.LanguageOf(tajik));
        Assert.StartsWith("Ёдраскунӣ: ", tajik.Subject);
        Assert.EndsWith("(Қазоқистон)", tajik.Subject);
        Assert.Contains("Даъватнома 02.03.2026 фиристода шуд: 31 рӯз пеш.", tajik.TextBody);
        Assert.DoesNotContain("Приглашение", tajik.TextBody);
    }

    [Fact]
    public void A_day_count_takes_the_form_its_number_asks_for()
    {
        Assert.Equal("The invitation was sent on 2026-03-02: 1 day ago.", TextCatalog.Default.Count("en", "Mail.Reminder.SentOn", 1, "2026-03-02"));
        Assert.Equal("The invitation was sent on 2026-03-02: 21 days ago.", TextCatalog.Default.Count("en", "Mail.Reminder.SentOn", 21, "2026-03-02"));
        Assert.Contains("после 1 напоминания;", TextCatalog.Default.Count("ru", "Mail.Reminder.EscalationLine", 1, "X"));
        Assert.Contains("после 21 напоминания;", TextCatalog.Default.Count("ru", "Mail.Reminder.EscalationLine", 21, "X"));
        Assert.Contains("после 11 напоминаний;", TextCatalog.Default.Count("ru", "Mail.Reminder.EscalationLine", 11, "X"));
        Assert.Contains("после 3 напоминаний;", TextCatalog.Default.Count("ru", "Mail.Reminder.EscalationLine", 3, "X"));
        Assert.Contains("1 ёдраскунӣ", TextCatalog.Default.Count("tg", "Mail.Reminder.EscalationLine", 1, "X"));
        Assert.Contains("5 еске салудан", TextCatalog.Default.Count("kk", "Mail.Reminder.EscalationLine", 5, "X"));
    }

    private static MimeKit.MimeMessage Compose(ProcessDefinition definition, ReminderKind kind, string body)
    {
        // Started in January; the invitations went out when the letter to the Minister was done.
        var process = Process.Start(definition, new DateOnly(2026, 1, 12), "Kazakhstan WG", "test", DateTime.UtcNow, Today);
        foreach (var step in new[] { "start-procedure", "draft-order", "letter-to-minister" })
            process.Complete(definition, step, new CompleteStep(Sent, null, null), Today);
        var reminder = new Reminder { ProcessId = process.Id, StepId = "invitations", BodyId = body, Kind = kind, Sequence = kind == ReminderKind.Escalation ? 4 : 1, DueOn = Today };
        return ReminderMail.Compose(reminder, new MailFacts(process, definition, ["coordinator@example.org"], null, null, Today, TextCatalog.Default), "workinggroups@example.org");
    }

    private static ProcessDefinition Kazakh(Action<JsonNode> change)
    {
        var folder = Directory.CreateTempSubdirectory("wg-mail-");
        try
        {
            var json = JsonNode.Parse(File.ReadAllText(Path.Combine(AppProcess.RepositoryRoot(), "workflows", "kz-establishment.v1.json")))!;
            json.AsObject().Remove("$schema");
            change(json);
            File.WriteAllText(Path.Combine(folder.FullName, "kz-establishment.v1.json"), json.ToJsonString());
            var loaded = DefinitionLoader.LoadFolder(folder.FullName);
            Assert.Empty(loaded.Errors);
            return loaded.Definitions.Single();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
