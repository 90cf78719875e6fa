using WorkingGroups.Core.Definitions;
using WorkingGroups.Core.Letters;
using WorkingGroups.Core.Processes;
using WorkingGroups.Infrastructure.Processes;
using WorkingGroups.Infrastructure.Reminders;
using WorkingGroups.Infrastructure.Texts;

namespace WorkingGroups.Infrastructure.Letters;

/// <summary>
/// Drafts a process's letters from its country's templates: the step letters (to the Minister, to the Government) and,
/// for each invited body, the invitation and the reminder, with a fresh signed answer link made as reminders make theirs.
/// </summary>
public sealed class LetterService(ProcessService processes, LetterTemplates templates, AnswerLinks links, TextCatalog texts, Hosting.IClock clock)
{
    /// <summary>The letter kinds a process has: its step letters by step, and whether its invitations have letters.</summary>
    public IReadOnlyList<LetterTemplate> KindsFor(ProcessDefinition definition) => templates.For(definition).ToList();

    /// <summary>The letter of a step (to the Minister, to the Government).</summary>
    public async Task<Letter> StepLetterAsync(Guid processId, string kind, CancellationToken cancellationToken)
    {
        var (process, definition) = await LoadAsync(processId, cancellationToken);
        var template = Template(definition, kind);
        if (template.PerInvitation) throw DomainRuleException.Invalid("kind", "letter-per-invitation", kind);
        var step = process.Step(template.StepId!)!;
        var to = definition.FindBody(template.ToBodyId!)!;
        return Draft(template, process, definition, step, to, null, null);
    }

    /// <summary>
    /// The invitation or reminder letter to one invited body. <paramref name="holdsLink"/> says, for the process's country,
    /// whether the reader may hold its answer link (a link answers for the body); without it the letter says where the link is.
    /// </summary>
    public async Task<Letter> InvitationLetterAsync(Guid processId, string stepId, string bodyId, string kind, Func<string, bool> holdsLink,
        CancellationToken cancellationToken)
    {
        var (process, definition) = await LoadAsync(processId, cancellationToken);
        var template = Template(definition, kind);
        if (!template.PerInvitation) throw DomainRuleException.Invalid("kind", "letter-not-per-invitation", kind, new StepRef(template.StepId!));
        var step = process.Step(stepId) ?? throw DomainRuleException.NotFound("step-not-found", stepId, process.Steps.Select(s => s.StepId));
        var invitation = step.Invitations.FirstOrDefault(i => i.BodyId == bodyId)
                         ?? throw DomainRuleException.NotFound("not-invited", new BodyRef(bodyId), new StepRef(stepId), step.Invitations.Select(i => i.BodyId));
        if (kind == LetterKinds.Reminder && invitation.Status != InvitationStatus.Pending)
            throw DomainRuleException.Conflict("already-answered", new BodyRef(bodyId), invitation.Status, invitation.RespondedOn);
        (string Url, DateTime Expires)? link = holdsLink(process.Country) ? Link(process, invitation) : null;
        return Draft(template, process, definition, step, definition.FindBody(bodyId)!, invitation, link);
    }

    private async Task<(Process, ProcessDefinition)> LoadAsync(Guid processId, CancellationToken cancellationToken)
    {
        var process = await processes.FindAsync(processId, cancellationToken) ?? throw DomainRuleException.NotFound("process-not-found", processId);
        return (process, processes.DefinitionOf(process));
    }

    private LetterTemplate Template(ProcessDefinition definition, string kind)
    {
        if (!templates.All.Any(t => t.Kind == kind))
            throw DomainRuleException.NotFound("letter-kind-unknown", kind, templates.All.Select(t => t.Kind).Distinct().Order());
        return templates.For(definition).FirstOrDefault(t => t.Kind == kind)
               ?? throw DomainRuleException.NotFound("letter-not-for-process", kind, definition.Id, templates.For(definition).Select(t => t.Kind));
    }

    private (string Url, DateTime Expires) Link(Process process, Invitation invitation)
    {
        var token = links.Token(process.Id, invitation.StepId, invitation.BodyId, invitation.Version);
        return (links.Url(token), links.Read(token).Ticket!.ExpiresAt);
    }

    private Letter Draft(LetterTemplate template, Process process, ProcessDefinition definition, ProcessStep step, Body to, Invitation? invitation,
        (string Url, DateTime Expires)? link)
    {
        var today = clock.TodayIn(process.Country);
        var deadline = Deadline(step, definition.ReminderPolicyFor(definition.FindStep(step.StepId)!), today);
        var sender = definition.FindBody(definition.LeadBodyId);
        // The body's languages as the templates have them (start-up made sure they do); Russian, the working language, else.
        var languages = to.Languages.Select(texts.For).Distinct().Where(template.Sections.ContainsKey).ToList();
        if (languages.Count == 0) languages.Add(template.Sections.ContainsKey("ru") ? "ru" : template.Sections.Keys.First());
        var sections = languages.Select(language =>
        {
            var values = new Dictionary<string, string>
            {
                [LetterFields.Addressee] = to.Name.Get(language),
                [LetterFields.AddresseeContact] = Contact(to.Contact),
                [LetterFields.Sender] = sender?.Name.Get(language) ?? "",
                [LetterFields.SenderContact] = Contact(sender?.Contact),
                [LetterFields.Group] = definition.GroupName.Get(language),
                [LetterFields.Purpose] = (definition.Group?.Purpose ?? definition.Description)?.Get(language) ?? "",
                [LetterFields.Step] = definition.FindStep(step.StepId)!.Title.Get(language),
                [LetterFields.Deadline] = texts.Date(language, deadline),
                [LetterFields.SentOn] = invitation is null ? "" : texts.Date(language, invitation.SentOn),
                [LetterFields.Link] = link?.Url ?? texts.Get(language, "Letter.LinkWithheld"),
                [LetterFields.LinkExpires] = link is { } l ? texts.Date(language, DateOnly.FromDateTime(l.Expires)) : texts.Get(language, "Letter.Blank"),
            };
            var paragraphs = new List<LetterParagraph> { new(LineStyle.Text, texts.Get(language, "Letter.Outgoing")), new(LineStyle.Text, "") };
            paragraphs.AddRange(template.Sections[language].Select(line => new LetterParagraph(line.Style, LetterTemplateParser.Fill(line.Text, values))));
            return new LetterSection(language, paragraphs);
        }).ToList();
        var title = sections[0].Paragraphs.FirstOrDefault(p => p.Style == LineStyle.Heading)?.Text ?? template.Kind;
        return new Letter($"{template.Kind}-{to.Id}-{today:yyyy-MM-dd}.docx", title, sections);
    }

    /// <summary>
    /// The date the answer is asked for: the step's benchmark date, or, once that has passed (a reminder to a late body),
    /// the reminder policy's interval from today, so a letter never asks for an answer by a date already gone.
    /// </summary>
    public static DateOnly Deadline(ProcessStep step, ReminderPolicy policy, DateOnly today)
    {
        var due = (step.ActivatedOn ?? today).AddDays(step.BenchmarkDays);
        var soonest = today.AddDays(policy.EveryDays);
        return due > soonest ? due : soonest;
    }

    private static string Contact(Contact? contact) => contact is null ? "" : contact.Name is { Length: > 0 } name ? $"{name}, {contact.Email}" : contact.Email;
}
