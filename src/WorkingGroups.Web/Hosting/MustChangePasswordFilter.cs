using Microsoft.AspNetCore.Mvc.Filters;
using WorkingGroups.Infrastructure.Identity;

namespace WorkingGroups.Web.Hosting;

/// <summary>A user signed in with a printed one-time password sees only the page that changes it.</summary>
internal sealed class MustChangePasswordFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var path = context.HttpContext.Request.Path;
        if (context.HttpContext.User.HasClaim(c => c.Type == AppClaims.MustChangePassword)
            && !path.StartsWithSegments("/account") && !path.StartsWithSegments("/culture"))
        {
            context.Result = new Microsoft.AspNetCore.Mvc.RedirectResult("/account/password");
            return;
        }
        await next();
    }
}
