using GridGov.Kernel.Privacy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GridGov.Kernel.Notices;

/// <summary>Sends a text message to a phone number: an SMS gateway plugs in here.</summary>
public interface ITextMessageSender
{
    Task SendAsync(string phone, string text, CancellationToken ct);
}

/// <summary>
/// The sender used until a gateway is configured: it writes each message to the log with the
/// number masked. The text itself (a one-time code, say) is written only where
/// <c>TextMessages:LogText</c> is true (by default in Development), so a demo can be tried without a gateway.
/// </summary>
public sealed class LoggingTextMessageSender(ILogger<LoggingTextMessageSender> log, IConfiguration config, IHostEnvironment environment) : ITextMessageSender
{
    public Task SendAsync(string phone, string text, CancellationToken ct)
    {
        if (config.GetValue<bool?>("TextMessages:LogText") ?? environment.IsDevelopment()) log.LogInformation("Text message to {Phone}: {Text}", Mask.Phone(phone), text);
        else log.LogInformation("Text message to {Phone} ({Length} characters); no gateway is configured", Mask.Phone(phone), text.Length);
        return Task.CompletedTask;
    }
}
