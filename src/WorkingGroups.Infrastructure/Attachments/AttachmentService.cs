using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using WorkingGroups.Core.Attachments;
using WorkingGroups.Core.Groups;
using WorkingGroups.Core.Processes;
using WorkingGroups.Infrastructure.Persistence;
using WorkingGroups.Infrastructure.Processes;

namespace WorkingGroups.Infrastructure.Attachments;

/// <summary>
/// The documents kept with steps, answers, meetings and Work Plans. Adding checks that the owner exists and takes
/// documents (its domain's rule) and who may change it (the caller's check, given the owner's country), decides the
/// type by the content, then writes the description and the bytes in chunks of <see cref="ChunkBytes"/> in one
/// transaction: a refused or broken upload leaves nothing. Adding and removing are recorded in the audit of the
/// process the owner belongs to (a group's is its establishment's), with the document's SHA-256.
/// </summary>
public sealed class AttachmentService(IDbContextFactory<AppDbContext> contexts, Definitions.DefinitionVersions versions, AttachmentOptions options, TimeProvider clock)
{
    public const int ChunkBytes = 1024 * 1024;

    public AttachmentOptions Options => options;

    /// <summary>The owner's country, so the caller can decide who may change it; the owner must exist.</summary>
    public async Task<string> CountryOfAsync(AttachmentOwner owner, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return (await ResolveAsync(db, owner, cancellationToken)).Country; // the owner's own rule runs with the change
    }

    /// <param name="content">The file, seekable, as it arrived (a temporary file); read from its start.</param>
    /// <param name="mayChange">The caller's check of who may change the owner, given its country (a refusal throws).</param>
    public async Task<Attachment> AddAsync(AttachmentOwner owner, string name, Stream content, string user, Action<string> mayChange,
        CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var facts = await ResolveAsync(db, owner, cancellationToken);
        mayChange(facts.Country);
        facts.Check();
        var checkedName = AttachmentName.Check(name);
        if (content.Length > options.MaxBytes) throw TooLarge();
        var kind = FileKinds.Of(content);

        content.Position = 0;
        var attachment = new Attachment
        {
            Id = Guid.NewGuid(),
            OwnerKind = owner.Kind,
            OwnerId = owner.Id,
            OwnerKey = owner.Key,
            Name = checkedName,
            ContentType = kind.ContentType,
            Size = content.Length,
            Sha256 = Convert.ToHexStringLower(await SHA256.HashDataAsync(content, cancellationToken)),
            Chunks = (int)((content.Length + ChunkBytes - 1) / ChunkBytes),
            AddedBy = user,
            AddedAt = clock.GetUtcNow().UtcDateTime,
        };

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Add(attachment);
        db.AuditEntries.Add(ProcessService.NewAudit(facts.AuditProcessId, attachment.AddedAt, user, "attachment-added", owner.StepId, owner.BodyId,
            null, Facts(attachment)));
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();

        // One chunk at a time through the tracker and out again: the whole file is never in memory.
        content.Position = 0;
        var buffer = new byte[ChunkBytes];
        for (var index = 0; index < attachment.Chunks; index++)
        {
            var read = await content.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
            db.Add(new AttachmentChunk { AttachmentId = attachment.Id, Index = index, Data = read == buffer.Length ? buffer : buffer[..read] });
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
        await transaction.CommitAsync(cancellationToken);
        return attachment;
    }

    public async Task<List<Attachment>> ListAsync(AttachmentOwner owner, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        (await ResolveAsync(db, owner, cancellationToken)).Check();
        return await Of(db, owner).OrderBy(a => a.AddedAt).ToListAsync(cancellationToken);
    }

    /// <summary>Every document of a process (its steps and answers) or of a group (its meetings and plans), for a page that lists them together.</summary>
    public async Task<List<Attachment>> ListAllAsync(Guid ownerId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<Attachment>().AsNoTracking().Where(a => a.OwnerId == ownerId).OrderBy(a => a.AddedAt).ToListAsync(cancellationToken);
    }

    /// <summary>The document, when it belongs to <paramref name="owner"/> (which must exist); otherwise 404.</summary>
    public async Task<Attachment> FindAsync(AttachmentOwner owner, Guid attachmentId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        (await ResolveAsync(db, owner, cancellationToken)).Check();
        return await Of(db, owner).SingleOrDefaultAsync(a => a.Id == attachmentId, cancellationToken)
            ?? throw DomainRuleException.NotFound("attachment-not-found", attachmentId);
    }

    /// <summary>Writes the document's bytes to <paramref name="output"/>, one chunk read at a time.</summary>
    public async Task CopyToAsync(Attachment attachment, Stream output, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        for (var index = 0; index < attachment.Chunks; index++)
        {
            var data = await db.Set<AttachmentChunk>().AsNoTracking()
                .Where(c => c.AttachmentId == attachment.Id && c.Index == index).Select(c => c.Data).SingleAsync(cancellationToken);
            await output.WriteAsync(data, cancellationToken);
        }
    }

    /// <summary>Removes the document and its bytes; the audit keeps its name, size and SHA-256.</summary>
    public async Task RemoveAsync(AttachmentOwner owner, Guid attachmentId, string user, Action<string> mayChange, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var facts = await ResolveAsync(db, owner, cancellationToken);
        mayChange(facts.Country);
        facts.Check();
        var attachment = await Of(db, owner).SingleOrDefaultAsync(a => a.Id == attachmentId, cancellationToken)
            ?? throw DomainRuleException.NotFound("attachment-not-found", attachmentId);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Set<AttachmentChunk>().Where(c => c.AttachmentId == attachmentId).ExecuteDeleteAsync(cancellationToken);
        await db.Set<Attachment>().Where(a => a.Id == attachmentId).ExecuteDeleteAsync(cancellationToken);
        db.AuditEntries.Add(ProcessService.NewAudit(facts.AuditProcessId, clock.GetUtcNow().UtcDateTime, user, "attachment-removed", owner.StepId, owner.BodyId,
            Facts(attachment), null));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static object Facts(Attachment a) => new { Document = a.Name, a.ContentType, a.Size, a.Sha256 };

    private static IQueryable<Attachment> Of(AppDbContext db, AttachmentOwner owner) =>
        db.Set<Attachment>().AsNoTracking().Where(a => a.OwnerKind == owner.Kind && a.OwnerId == owner.Id && a.OwnerKey == owner.Key);

    private DomainRuleException TooLarge() => DomainRuleException.TooLarge("file", "attachment-too-large", options.MaxMegabytes);

    /// <summary>The owner as it stands: its country and the process whose audit records the change. A missing owner is 404.</summary>
    /// <remarks>
    /// The owner's own rule (<see cref="Owner.Check"/>: the step, the invitation, the meeting is there and takes documents)
    /// runs after the caller's check of who may change it, so that another country's coordinator hears 403, not what
    /// the owner holds.
    /// </remarks>
    private async Task<Owner> ResolveAsync(AppDbContext db, AttachmentOwner owner, CancellationToken cancellationToken)
    {
        switch (owner.Kind)
        {
            case OwnerKind.Step or OwnerKind.Invitation:
                var process = await ProcessService.WithSteps(db).AsNoTracking().SingleOrDefaultAsync(p => p.Id == owner.Id, cancellationToken)
                    ?? throw DomainRuleException.NotFound("process-not-found", owner.Id);
                return new Owner(process.Country, process.Id,
                    () => process.AcceptsDocument(versions.Get(process.DefinitionId, process.DefinitionVersion), owner.StepId!, owner.BodyId));
            default:
                var group = await db.Groups.AsNoTracking().SingleOrDefaultAsync(g => g.Id == owner.Id, cancellationToken)
                    ?? throw DomainRuleException.NotFound("group-not-found", owner.Id);
                var part = Guid.TryParse(owner.Key, out var partId) ? partId : Guid.Empty;
                var exists = owner.Kind == OwnerKind.Meeting
                    ? await db.Set<Meeting>().AnyAsync(m => m.Id == part && m.GroupId == group.Id, cancellationToken)
                    : await db.Set<WorkPlan>().AnyAsync(p => p.Id == part && p.GroupId == group.Id, cancellationToken);
                return new Owner(group.Country, group.EstablishedBy, () =>
                {
                    if (!exists) throw DomainRuleException.NotFound(owner.Kind == OwnerKind.Meeting ? "meeting-not-found" : "plan-not-found", owner.Key);
                });
        }
    }

    /// <summary>What a change needs of the owner: its country, the process whose audit records it, and its own rule.</summary>
    private sealed record Owner(string Country, Guid AuditProcessId, Action Check);
}
