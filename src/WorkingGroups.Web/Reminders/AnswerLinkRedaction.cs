using Serilog.Core;
using Serilog.Events;

namespace WorkingGroups.Web.Reminders;

/// <summary>An answer link's token works like a password until it expires: request logs show "/answer/[redacted]" instead.</summary>
internal sealed class AnswerLinkRedaction : ILogEventEnricher
{
    private const string Prefix = "/answer/";

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        if (logEvent.Properties.TryGetValue("RequestPath", out var value) && value is ScalarValue { Value: string path }
            && path.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            logEvent.AddOrUpdateProperty(propertyFactory.CreateProperty("RequestPath", Prefix + "[redacted]"));
        }
    }
}
