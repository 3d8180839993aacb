namespace ApprovalFlow.Web.Ui.Shell;

/// <summary>Per circuit: a page that read messages tells the app-bar badge to count again.</summary>
public sealed class UnreadMessages
{
    public event Action? Changed;

    public void Recount() => Changed?.Invoke();
}
