using Microsoft.EntityFrameworkCore;
using WorkingGroups.Infrastructure.Identity;
using WorkingGroups.Infrastructure.Persistence;

namespace WorkingGroups.Infrastructure.Reminders;

/// <summary>The e-mail addresses of a country's coordinators: they hear of escalations, overdue steps, and silent bodies without a contact.</summary>
internal static class Coordinators
{
    public static async Task<List<string>> OfAsync(AppDbContext db, string country, CancellationToken cancellationToken) =>
        (await WithLanguagesAsync(db, country, cancellationToken)).Select(c => c.Email).ToList();

    /// <summary>The same, each with the language they chose for e-mail written to them (null: none chosen).</summary>
    public static async Task<List<(string Email, string? Language)>> WithLanguagesAsync(AppDbContext db, string country, CancellationToken cancellationToken) =>
        (await (from user in db.Users
                join userRole in db.UserRoles on user.Id equals userRole.UserId
                join role in db.Roles on userRole.RoleId equals role.Id
                where role.Name == Roles.Coordinator && user.Country == country && user.Email != null
                orderby user.Email
                select new { Email = user.Email!, user.Language }).ToListAsync(cancellationToken))
        .Select(c => (c.Email, AppUser.KnownLanguage(c.Language))).ToList();
}
