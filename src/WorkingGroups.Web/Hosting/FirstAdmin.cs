using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using WorkingGroups.Infrastructure.Identity;

namespace WorkingGroups.Web.Hosting;

/// <summary>
/// On a database without users, creates one Admin (<c>Admin:Email</c>, default admin@localhost) with a one-time
/// password, printed once on the console and to be changed at first sign-in. With any user present it does nothing.
/// </summary>
internal sealed class FirstAdmin(
    UserManager<AppUser> users, UserAdministration administration, IConfiguration configuration, FirstRunConsole console, ILogger<FirstAdmin> logger)
{
    public const string EmailKey = "Admin:Email";
    public const string DefaultEmail = "admin@localhost";

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (await users.Users.AnyAsync(cancellationToken)) return;
        var email = configuration[EmailKey] is { Length: > 0 } configured ? configured : DefaultEmail;
        try
        {
            var (_, password) = await administration.AddUserAsync(email, Roles.Admin, country: null, password: null);
            logger.LogInformation("Created the first Admin account {Email}; its one-time password is on the console", email);
            console.Output.WriteLine();
            console.Output.WriteLine($"First start: created the Admin account {email}.");
            console.Output.WriteLine($"One-time password (shown once; it must be changed at first sign-in): {password}");
            console.Output.WriteLine();
            await console.Output.FlushAsync(cancellationToken);
        }
        catch (UserAdministrationException ex)
        {
            // A wrong Admin:Email must not stop the app; the next start tries again.
            logger.LogError("The first Admin account was not created: {Problem}", ex.Message);
        }
    }
}
