using Microsoft.Extensions.Logging;

namespace GridGov.Kernel.Notices;

/// <summary>Delivers a notice beyond the in-app inbox; an SMS gateway plugs in here.</summary>
public interface INoticeSender
{
    Task SendAsync(Notice notice, CancellationToken ct);
}

/// <summary>The sender used until a gateway is configured: it writes each notice to the log.</summary>
public sealed class LoggingNoticeSender(ILogger<LoggingNoticeSender> log) : INoticeSender
{
    public Task SendAsync(Notice notice, CancellationToken ct)
    {
        log.LogInformation("Notice {Kind} about {Type} {Label} to {Audience}", notice.Kind, notice.SubjectType, notice.SubjectLabel, notice.Audience);
        return Task.CompletedTask;
    }
}
