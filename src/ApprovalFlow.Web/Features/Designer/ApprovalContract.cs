using ApprovalFlow.Engine;
using ApprovalFlow.Engine.Model;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Administration;
using Microsoft.EntityFrameworkCore;
using static ApprovalFlow.Web.Ui.Shell.L;

namespace ApprovalFlow.Web.Features.Designer;

/// <summary>
/// The approval contract (审批契约): what a model meant for approval cases must declare in its <c>af:</c> attributes
/// (workflows/README.md, "Approval roles"), checked by the engine at every deployment and by the designer's 校验. A model
/// is an approval model when any element has <c>af:role</c>; any other model passes untouched. Every problem is at its
/// element, named by its name and id, in Chinese or English as the caller chose.
/// <list type="bullet">
/// <item>Roles, markers and outcomes take only the documented values; a marker (<c>af:marks</c>) names its step (<c>af:stepCode</c>).</item>
/// <item>A <em>step</em> is a step code carried by accept, review, decide or resubmit tasks or by markers. Each has exactly one
/// <c>decide</c> task; its tasks declare one set of settings (department, time limit, tolerated gap, pledge, virtual approval).</item>
/// <item>Every <c>af:department</c> is a department of the departments table; every <c>af:timeLimitDays</c> a positive whole number.</item>
/// <item>A full step (more than its decide task) has a time limit on each department task (accept, review, decide with a
/// department); its decide task takes at least approve and reject, names <c>af:outcomeVariable</c>, and the gateway right
/// after it has, for each outcome, an outgoing flow whose condition reads that variable and quotes the outcome
/// (e.g. <c>${landOutcome == 'approve'}</c>). The check reads the condition's text; it does not evaluate it.</item>
/// <item>A one-task step (its one decide task and no marker, the pledge system's) may have no time limit; it takes approve, and
/// takes reject only with <c>af:approvedVariable</c> (or <c>af:outcomeVariable</c>) that a flow out of the gateway after it reads.
/// Only a decide task that can only approve needs neither variable.</item>
/// </list>
/// </summary>
public sealed class ApprovalContract(AppDbContext db) : IModelValidator
{
    public static readonly IReadOnlySet<string> Roles = new HashSet<string>(StringComparer.Ordinal)
    {
        "register", "accept", "review", "decide", "resubmit", "sign-pledge", "verify-pledge", "confirm-start", "revoke",
    };

    public static readonly IReadOnlySet<string> Marks = new HashSet<string>(StringComparer.Ordinal)
    {
        "approved", "rejected", "replaced-by-pledge", "virtually-approved", "effective", "lapsed", "overdue",
    };

    public static readonly IReadOnlySet<string> Outcomes = new HashSet<string>(StringComparer.Ordinal) { "approve", "reject", "return", "pledge" };

    /// <summary>The roles of the tasks that make up a department's step.</summary>
    private static readonly IReadOnlySet<string> StepRoles = new HashSet<string>(StringComparer.Ordinal) { "accept", "review", "decide", "resubmit" };

    /// <summary>The settings every task of one step declares alike (the designer writes them on the whole step).</summary>
    private static readonly string[] StepSettings = ["department", "timeLimitDays", "toleratedGap", "pledgeReplaceable", "virtualApproval"];

    private HashSet<string>? departments;

    public async ValueTask<IReadOnlyList<ValidationError>> ValidateAsync(ModelView model, CancellationToken ct)
    {
        if (!model.Elements.Any(e => e.Extension("role") is not null)) return [];
        departments ??= (await db.Set<Department>().AsNoTracking().Select(d => d.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var check = new Check(model, departments);
        check.Run();
        return check.Problems;
    }

    /// <summary>One model's check; collects the problems in document order of the checks.</summary>
    private sealed class Check(ModelView model, HashSet<string> departments)
    {
        public List<ValidationError> Problems { get; } = [];

        private void Problem(ModelElement element, string zh, string en) =>
            Problems.Add(new ValidationError(element.Id, element.ElementType, element.Line, $"{Named(element)}: {T(zh, en)}"));

        private static string Named(ModelElement e) =>
            string.IsNullOrWhiteSpace(e.Name) ? e.Id : T($"“{e.Name}”（{e.Id}）", $"'{e.Name}' ({e.Id})");

        private static List<string> List(string? value) =>
            value is null ? [] : value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();

        public void Run()
        {
            foreach (var element in model.Elements) CheckAttributes(element);
            var steps = model.Elements
                .Where(e => e.Extension("stepCode") is not null
                    && (StepRoles.Contains(e.Extension("role") ?? "") || e.Extension("marks") is not null))
                .GroupBy(e => e.Extension("stepCode")!, StringComparer.Ordinal);
            foreach (var step in steps) CheckStep(step.Key, step.ToList());
        }

        /// <summary>What each element says on its own: known values, a step for a marker, departments, time limits.</summary>
        private void CheckAttributes(ModelElement e)
        {
            if (e.Extension("role") is { } role)
            {
                if (!Roles.Contains(role))
                    Problem(e, $"未知的审批角色 af:role=\"{role}\"，可用：{string.Join("、", Roles)}。",
                        $"unknown approval role af:role=\"{role}\"; use one of {string.Join(", ", Roles)}.");
                else if (StepRoles.Contains(role) && e.Extension("stepCode") is null)
                    Problem(e, $"角色为 {role} 的任务缺少环节代码 af:stepCode。", $"a task with role {role} needs a step code (af:stepCode).");
            }
            if (e.Extensions.ContainsKey("marks"))
            {
                var marks = List(e.Extension("marks"));
                if (marks.Count == 0) Problem(e, "af:marks 为空。", "af:marks is empty.");
                foreach (var mark in marks.Where(m => !Marks.Contains(m)))
                    Problem(e, $"未知的环节标记 af:marks=\"{mark}\"，可用：{string.Join("、", Marks)}。",
                        $"unknown step marker af:marks=\"{mark}\"; use one of {string.Join(", ", Marks)}.");
                if (e.Extension("stepCode") is null)
                    Problem(e, "带环节标记（af:marks）的元素缺少环节代码 af:stepCode，无法知道它标记哪个环节。",
                        "an element with a step marker (af:marks) needs a step code (af:stepCode) to say which step it marks.");
            }
            if (e.Extensions.ContainsKey("outcomes"))
            {
                foreach (var outcome in List(e.Extension("outcomes")).Where(o => !Outcomes.Contains(o)))
                    Problem(e, $"未知的办理结果 “{outcome}”（af:outcomes），可用：{string.Join("、", Outcomes)}。",
                        $"unknown outcome '{outcome}' in af:outcomes; use {string.Join(", ", Outcomes)}.");
            }
            if (e.Extension("department") is { } department && !departments.Contains(department))
                Problem(e, $"部门 “{department}”（af:department）不存在；请先在“部门管理”中添加，或改用已有部门的代码。",
                    $"department '{department}' (af:department) does not exist; add it under Departments first or use an existing code.");
            if (e.Extensions.ContainsKey("timeLimitDays") && !PositiveDays(e))
                Problem(e, $"办理时限 af:timeLimitDays=\"{e.Extensions["timeLimitDays"]}\" 不是正整数（工作日）。",
                    $"the time limit af:timeLimitDays=\"{e.Extensions["timeLimitDays"]}\" is not a positive whole number of working days.");
        }

        private static bool PositiveDays(ModelElement e) => int.TryParse(e.Extension("timeLimitDays"), out var days) && days > 0;

        private void CheckStep(string code, List<ModelElement> elements)
        {
            var decides = elements.Where(e => e.Extension("role") == "decide").ToList();
            if (decides.Count == 0)
            {
                Problem(elements[0], $"环节 {code} 没有决定任务（af:role=\"decide\"），无法办结。",
                    $"step {code} has no decide task (af:role=\"decide\"), so it can never be decided.");
                return;
            }
            foreach (var extra in decides.Skip(1))
                Problem(extra, $"环节 {code} 已有决定任务 {Named(decides[0])}；一个环节只能有一个决定任务（环节代码重复？）。",
                    $"step {code} already has the decide task {Named(decides[0])}; a step has exactly one (is the step code used twice?).");
            var decide = decides[0];
            // Every element with this step code counts: a one-task step is its decide task and nothing else.
            var oneTask = model.Elements.Count(e => e.Extension("stepCode") == code) == 1;
            CheckSettings(code, elements.Where(e => e.Extension("role") is not null).ToList(), decide);
            if (!oneTask)
            {
                foreach (var task in elements.Where(e => e.Extension("role") is "accept" or "review" or "decide" && e.Extension("department") is not null))
                {
                    if (!task.Extensions.ContainsKey("timeLimitDays"))
                        Problem(task, $"环节 {code} 的部门任务缺少办理时限 af:timeLimitDays（工作日）。",
                            $"a department task of step {code} needs a time limit (af:timeLimitDays, working days).");
                }
            }
            CheckDecide(code, decide, oneTask);
        }

        /// <summary>One step, one definition: each setting has one value on every task of the step that gives it.</summary>
        private void CheckSettings(string code, List<ModelElement> tasks, ModelElement decide)
        {
            foreach (var setting in StepSettings)
            {
                var reference = decide.Extension(setting) is not null ? decide : tasks.FirstOrDefault(t => t.Extension(setting) is not null);
                if (reference is null) continue;
                var value = reference.Extension(setting)!;
                foreach (var task in tasks)
                {
                    if (task == reference || task.Extension(setting) is not { } other || other == value) continue;
                    // The enterprise's correction does not count against the department's time limit.
                    if (setting == "timeLimitDays" && task.Extension("role") == "resubmit") continue;
                    Problem(task, $"环节 {code} 定义了两次：此处 af:{setting}=\"{other}\"，而 {Named(reference)} 为 \"{value}\"；同一环节代码的任务设置必须一致。",
                        $"step {code} is defined twice: af:{setting}=\"{other}\" here but \"{value}\" on {Named(reference)}; every task of one step code has the same settings.");
                }
            }
        }

        private void CheckDecide(string code, ModelElement decide, bool oneTask)
        {
            var outcomes = List(decide.Extension("outcomes")).Where(Outcomes.Contains).Distinct().ToList();
            var required = oneTask ? new[] { "approve" } : ["approve", "reject"];
            var missing = required.Where(o => !outcomes.Contains(o)).ToList();
            if (missing.Count > 0)
                Problem(decide, $"决定任务的办理结果 af:outcomes 必须包含 {string.Join("、", missing)}。",
                    $"the decide task's af:outcomes must include {string.Join(" and ", missing)}.");
            var outcomeVariable = decide.Extension("outcomeVariable");
            var approvedVariable = decide.Extension("approvedVariable");
            if (outcomeVariable is null && (!oneTask || (approvedVariable is null && outcomes.Any(o => o != "approve"))))
            {
                if (oneTask)
                    Problem(decide, "决定任务可作出多种结果，但既没有 af:outcomeVariable 也没有 af:approvedVariable，流程无法据此分支。",
                        "the decide task takes more than one outcome but names neither af:outcomeVariable nor af:approvedVariable, so the process cannot route on it.");
                else
                    Problem(decide, $"环节 {code} 的决定任务缺少 af:outcomeVariable（记录办理结果的流程变量，决定网关据此分支）。",
                        $"the decide task of step {code} needs af:outcomeVariable (the variable the decision gateway routes on).");
                return;
            }
            var gateway = decide.Outgoing.Select(f => model.Element(f.TargetId)).FirstOrDefault(t => t?.ElementType.EndsWith("Gateway", StringComparison.Ordinal) == true);
            if (outcomes.Count <= 1 && outcomeVariable is null) return;
            if (gateway is null)
            {
                Problem(decide, "决定任务之后没有网关，办理结果无法分支。", "no gateway follows the decide task, so its outcomes cannot branch.");
                return;
            }
            if (outcomeVariable is not null)
            {
                foreach (var outcome in outcomes.Where(o => !gateway.Outgoing.Any(f => Reads(f, outcomeVariable) && Quotes(f, o))))
                    Problem(decide, $"办理结果 “{outcome}” 没有去向：网关 {Named(gateway)} 没有条件为 {outcomeVariable} == '{outcome}' 的出口。",
                        $"outcome '{outcome}' has no path: no flow out of gateway {Named(gateway)} has a condition {outcomeVariable} == '{outcome}'.");
            }
            else if (!gateway.Outgoing.Any(f => Reads(f, approvedVariable!)))
            {
                Problem(decide, $"不予批准没有去向：网关 {Named(gateway)} 没有读取 {approvedVariable} 的条件出口。",
                    $"a rejection has no path: no flow out of gateway {Named(gateway)} has a condition that reads {approvedVariable}.");
            }
        }

        private static bool Reads(ModelFlow flow, string variable) =>
            flow.Condition is { } c && System.Text.RegularExpressions.Regex.IsMatch(c, $@"(?<![\w.]){System.Text.RegularExpressions.Regex.Escape(variable)}(?!\w)");

        private static bool Quotes(ModelFlow flow, string outcome) =>
            flow.Condition is { } c && (c.Contains($"'{outcome}'", StringComparison.Ordinal) || c.Contains($"\"{outcome}\"", StringComparison.Ordinal));
    }
}
