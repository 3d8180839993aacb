using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ApprovalFlow.Web.Ui.Shell;

/// <summary>Base of pages that act: the domain as the signed-in user, and refusals shown as snackbars.</summary>
public abstract class UiComponentBase : ComponentBase
{
    [Inject] protected UiDomain Domain { get; set; } = default!;

    [Inject] protected ISnackbar Snackbar { get; set; } = default!;

    /// <summary>The last refusal, also shown in the page (tests and screen readers find it there).</summary>
    protected string? Refusal { get; set; }

    protected bool Busy { get; private set; }

    /// <summary>Runs an action; a refusal by the domain is shown, not thrown. True when it succeeded.</summary>
    protected async Task<bool> TryAsync(Func<Task> action, string? done = null)
    {
        Busy = true;
        Refusal = null;
        try
        {
            await action();
            if (done is not null) Snackbar.Add(done, Severity.Success);
            return true;
        }
        catch (Exception e) when (UiRefusal.TryDescribe(e, out var message))
        {
            Refusal = message;
            Snackbar.Add(message, Severity.Error);
            return false;
        }
        finally
        {
            Busy = false;
        }
    }
}
