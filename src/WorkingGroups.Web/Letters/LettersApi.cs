using System.Security.Claims;
using WorkingGroups.Infrastructure.Letters;
using WorkingGroups.Web.Auth;
using WorkingGroups.Web.Hosting;

namespace WorkingGroups.Web.Letters;

internal static class LettersApi
{
    /// <summary>
    /// The letters a process needs, drafted for signature as .docx. Readable by whoever may read the process; the live
    /// answer link goes only into the copy of a coordinator of its country or an admin (a reviewer's copy says where it is).
    /// </summary>
    public static WebApplication MapLettersApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/v1/processes/{id:guid}").WithTags("Letters").RequireAuthorization()
            .WithProblems()
            .AddEndpointFilter<ProblemFilter>();

        group.MapGet("/letters/{kind}", async (Guid id, string kind, LetterService letters, CancellationToken ct) =>
            File(await letters.StepLetterAsync(id, kind, ct)))
            .WithName("getStepLetter").WithSummary("Draft a step's letter for signature (the letter to the Minister, the request to the Government)")
            .ProducesFile(OpenApiModule.Docx).ProducesProblem(StatusCodes.Status404NotFound).ProducesValidationProblem();

        group.MapGet("/steps/{stepId}/invitations/{bodyId}/letters/{kind}", async (Guid id, string stepId, string bodyId, string kind,
            ClaimsPrincipal user, LetterService letters, CancellationToken ct) =>
            File(await letters.InvitationLetterAsync(id, stepId, bodyId, kind, user.CanCoordinate, ct)))
            .WithName("getInvitationLetter").WithSummary("Draft the invitation or reminder letter to an invited body for signature")
            .ProducesFile(OpenApiModule.Docx).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesValidationProblem();
        return app;
    }

    private static IResult File(Letter letter) => TypedResults.File(Docx.Write(letter), OpenApiModule.Docx, letter.FileName);
}

internal static class LettersWebModule
{
    public static IServiceCollection AddLetters(this IServiceCollection services) => services.AddLetterServices();
}
