namespace ApprovalFlow.Web.Features.Approvals;

/// <summary>
/// What an approval command tells the <see cref="StepKeeper"/> about the transition it is about to cause (one per
/// request scope): the opinion to record on the step it acts on, and a case being started (its instance id is known
/// only inside the start transition).
/// </summary>
public sealed class CaseTransitionContext
{
    public string? Note { get; private set; }
    public string? NoteForStep { get; private set; }
    public Func<Engine.TransitionReport, CaseModel, ApprovalCase>? Starting { get; private set; }

    /// <summary>The note for the step that moves; with no step, for every step that moves (a termination's reason).</summary>
    public void Annotate(string? stepCode, string? note)
    {
        NoteForStep = stepCode;
        Note = note;
    }

    public void Start(Func<Engine.TransitionReport, CaseModel, ApprovalCase> create) => Starting = create;

    /// <summary>The note once: a later transition in the same scope (a signal, a child) records none.</summary>
    public (string? StepCode, string? Note) TakeNote()
    {
        var taken = (NoteForStep, Note);
        NoteForStep = null;
        Note = null;
        return taken;
    }

    public Func<Engine.TransitionReport, CaseModel, ApprovalCase>? TakeStart()
    {
        var taken = Starting;
        Starting = null;
        return taken;
    }
}
