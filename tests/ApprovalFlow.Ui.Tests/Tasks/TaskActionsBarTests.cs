using ApprovalFlow.Web.Features.Approvals;
using ApprovalFlow.Web.Ui.Tasks;
using Microsoft.AspNetCore.Components;
using MudBlazor.Services;

namespace ApprovalFlow.Ui.Tests.Tasks;

/// <summary>The task panel's buttons: exactly the actions the domain allows on the task at that moment.</summary>
public sealed class TaskActionsBarTests : BunitContext
{
    private const string Officer = "officer@approvalflow.local";

    public TaskActionsBarTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    private IRenderedComponent<TaskActionsBar> Render(CaseResponse approvalCase, Action<TaskAction>? chosen = null) =>
        Render<TaskActionsBar>(p => p
            .Add(c => c.Case, approvalCase)
            .Add(c => c.TaskId, CaseStates.TaskId)
            .Add(c => c.OnChoose, EventCallback.Factory.Create<TaskAction>(this, a => chosen?.Invoke(a))));

    private static string[] Buttons(IRenderedComponent<TaskActionsBar> bar) =>
        [.. bar.FindAll("[data-testid^='action-']").Select(b => b.GetAttribute("data-testid")!)];

    [Fact]
    public void An_unclaimed_acceptance_on_a_step_allowing_a_gap_offers_claim_accept_and_accept_with_gap()
    {
        var bar = Render(CaseStates.Case(CaseStates.Task("landAccept", ["claim", "accept"]), CaseStates.Step()));

        Buttons(bar).ShouldBe(["action-claim", "action-accept", "action-accept-with-gap"]);
    }

    [Fact]
    public void A_step_without_tolerated_gap_offers_plain_acceptance_only()
    {
        var bar = Render(CaseStates.Case(CaseStates.Task("landAccept", ["claim", "accept"]), CaseStates.Step(gapAllowed: false)));

        Buttons(bar).ShouldBe(["action-claim", "action-accept"]);
    }

    [Fact]
    public void A_step_without_time_limit_cannot_bound_a_supplement_deadline_so_no_gap_is_offered()
    {
        var bar = Render(CaseStates.Case(CaseStates.Task("landAccept", ["claim", "accept"]), CaseStates.Step(limit: null)));

        Buttons(bar).ShouldNotContain("action-accept-with-gap");
    }

    [Fact]
    public void A_claimed_task_is_not_offered_for_claiming_again()
    {
        var bar = Render(CaseStates.Case(CaseStates.Task("landAccept", ["claim", "accept"], assignee: Officer), CaseStates.Step()));

        Buttons(bar).ShouldNotContain("action-claim");
        Buttons(bar).ShouldContain("action-accept");
    }

    [Fact]
    public void A_review_with_the_clock_running_offers_review_and_pausing_the_clock()
    {
        var bar = Render(CaseStates.Case(CaseStates.Task("landReview", ["claim", "review"], Officer), CaseStates.Step("underReview", accepted: true)));

        Buttons(bar).ShouldBe(["action-review", "action-pause-clock"]);
    }

    [Fact]
    public void A_paused_clock_is_offered_for_resuming_not_pausing()
    {
        var bar = Render(CaseStates.Case(CaseStates.Task("landReview", ["claim", "review"], Officer),
            CaseStates.Step("underReview", accepted: true, paused: true)));

        Buttons(bar).ShouldBe(["action-review", "action-resume-clock"]);
    }

    [Fact]
    public void A_decision_offers_the_outcomes_the_domain_allows_and_no_pledge_when_it_is_not_among_them()
    {
        var bar = Render(CaseStates.Case(CaseStates.Task("landDecide", ["claim", "decide"], Officer, outcomes: ["approve", "reject", "return"]),
            CaseStates.Step("awaitingDecision", pledgeReplaceable: true, accepted: true)));

        Buttons(bar).ShouldBe(["action-approve", "action-reject", "action-return-for-correction", "action-pause-clock"]);
    }

    [Fact]
    public void A_pledge_replaceable_step_under_the_pledge_system_may_be_replaced_by_the_pledge()
    {
        var bar = Render(CaseStates.Case(CaseStates.Task("landDecide", ["claim", "decide"], Officer, outcomes: ["approve", "reject", "return", "pledge"]),
            CaseStates.Step("awaitingDecision", pledgeReplaceable: true, accepted: true), mode: "pledgeSystem"));

        Buttons(bar).ShouldContain("action-replace-by-pledge");
    }

    [Fact]
    public void The_land_and_filing_check_takes_approve_or_reject_only()
    {
        var bar = Render(CaseStates.Case(CaseStates.Task("checkLandAndFiling", ["claim", "decide"], Officer, stepCode: null, outcomes: ["approve", "reject"])));

        Buttons(bar).ShouldBe(["action-approve", "action-reject"]);
    }

    [Fact]
    public void The_enterprise_resubmits_a_returned_step_and_has_no_clock_to_stop()
    {
        var bar = Render(CaseStates.Case(CaseStates.Task("landResubmit", ["resubmit"]), CaseStates.Step("returnedForCorrection", accepted: true)));

        Buttons(bar).ShouldBe(["action-resubmit"]);
    }

    [Fact]
    public void The_enterprise_signs_its_pledge_on_the_sign_pledge_task()
    {
        var bar = Render(CaseStates.Case(CaseStates.Task("signPledge", ["sign-pledge"], stepCode: null), mode: "pledgeSystem"));

        Buttons(bar).ShouldBe(["action-sign-pledge"]);
    }

    [Fact]
    public void A_task_the_caller_may_not_act_on_offers_nothing()
    {
        var bar = Render(CaseStates.Case(CaseStates.Task("landAccept", []), CaseStates.Step()));

        Buttons(bar).ShouldBeEmpty();
        bar.Find("[data-testid='no-actions']").ShouldNotBeNull();
    }

    [Fact]
    public void A_task_no_longer_open_offers_nothing()
    {
        var approvalCase = CaseStates.Case(CaseStates.Task("landAccept", ["claim", "accept"]), CaseStates.Step()) with { OpenTasks = [] };

        Buttons(Render(approvalCase)).ShouldBeEmpty();
    }

    [Fact]
    public void Clicking_an_action_reports_that_action()
    {
        TaskAction? chosen = null;
        var bar = Render(CaseStates.Case(CaseStates.Task("landAccept", ["claim", "accept"]), CaseStates.Step()), chosen: a => chosen = a);

        bar.Find("[data-testid='action-accept-with-gap']").Click();

        chosen.ShouldBe(TaskAction.AcceptWithGap);
    }
}
