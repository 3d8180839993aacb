using ApprovalFlow.Web.Features.Notifications;
using Microsoft.AspNetCore.Components.Authorization;

namespace ApprovalFlow.Web.Ui.Shell;

/// <summary>
/// Per circuit: tells the app-bar badge and the inbox page to count and list again — when a page read messages, when
/// this server committed new messages for the circuit's user (<see cref="InboxSignals"/>), and every
/// <see cref="PollInterval"/> for messages another server wrote.
/// </summary>
public sealed class UnreadMessages : IDisposable
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(30);

    private readonly InboxSignals _signals;
    private readonly Timer _poll;
    private string? _userId;

    public UnreadMessages(InboxSignals signals, AuthenticationStateProvider authentication)
    {
        _signals = signals;
        _signals.Arrived += OnArrived;
        _ = ReadUserAsync(authentication);
        _poll = new Timer(_ => Recount(), null, PollInterval, PollInterval);
    }

    public event Action? Changed;

    public void Recount() => Changed?.Invoke();

    private async Task ReadUserAsync(AuthenticationStateProvider authentication)
    {
        try
        {
            _userId = Features.Projects.Actor.From((await authentication.GetAuthenticationStateAsync()).User)?.UserId;
        }
        catch (InvalidOperationException)
        {
            // Outside a circuit (prerendering) there is no state to read; the poll still recounts.
        }
    }

    private void OnArrived(IReadOnlySet<string> userIds)
    {
        if (_userId is { } id && userIds.Contains(id)) Recount();
    }

    public void Dispose()
    {
        _signals.Arrived -= OnArrived;
        _poll.Dispose();
    }
}
