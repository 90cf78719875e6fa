using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using WorkingGroups.Core.Calendars;
using WorkingGroups.Infrastructure.Calendars;
using WorkingGroups.Web.Auth;

namespace WorkingGroups.Web.Pages.Admin;

/// <summary>
/// Admins see each country's working calendar, year by year with its source, and add the next year when its decree
/// is out (stored over the calendar file; decision 0029). Admin only, as the whole /admin folder.
/// </summary>
internal sealed class CalendarsModel(WorkingCalendars calendars, CalendarAdministration administration, IStringLocalizer t) : PageModel
{
    public IEnumerable<WorkingCalendar> Calendars => calendars.All;

    [BindProperty] public string? Country { get; set; }
    [BindProperty] public int? Year { get; set; }
    [BindProperty] public bool Verified { get; set; }
    [BindProperty] public string? Source { get; set; }
    [BindProperty] public string? Days { get; set; }

    /// <summary>What is wrong with the form, each sentence with its line in the typed days when it has one.</summary>
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public string? Added { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        try
        {
            await administration.AddYearAsync(Country?.Trim().ToUpperInvariant(), Year, Verified, Source, Days, User.Who(), ct);
            Added = t["Calendars.Added", Localization.TextFormatting.Country(t, Country!.Trim().ToUpperInvariant()), Year!.Value];
            Country = Source = Days = null;
            Year = null;
            Verified = false;
        }
        catch (CalendarYearRefused refused)
        {
            Errors = refused.Errors.Select(e => e.Line > 0 ? t["Calendars.AtLine", e.Line, t[e.Key, e.Text]] : t[e.Key, e.Text].Value).ToList();
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Page();
    }
}
