using System.Collections.Concurrent;
using GridGov.Kernel.Notices;

namespace GridGov.IntegrationTests.Infrastructure;

/// <summary>The texts the app sent, in place of an SMS gateway: a test reads the code a phone would have received.</summary>
public sealed class TextOutbox : ITextMessageSender
{
    private readonly ConcurrentQueue<(string Phone, string Text)> _sent = new();

    public Task SendAsync(string phone, string text, CancellationToken ct)
    {
        _sent.Enqueue((phone, text));
        return Task.CompletedTask;
    }

    public IReadOnlyList<(string Phone, string Text)> Sent => [.. _sent];

    /// <summary>The six-digit code of the last text sent to the phone, or null when none was.</summary>
    public string? LastCodeTo(string phone) =>
        _sent.Reverse().Where(s => s.Phone == phone).Select(s => System.Text.RegularExpressions.Regex.Match(s.Text, @"\d{6}").Value).FirstOrDefault();
}
