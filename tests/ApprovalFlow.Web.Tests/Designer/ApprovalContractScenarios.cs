using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ApprovalFlow.Web.Tests.Infrastructure;
using ApprovalFlow.Web.Tests.Projects;

namespace ApprovalFlow.Web.Tests.Designer;

/// <summary>
/// The approval contract at publish: a shipped model broken by one small edit is refused by <c>POST /api/definitions</c>
/// and the designer's publish (422, the element named, nothing deployed) and reported by the designer's validation at the
/// element; the shipped models and a model without approval roles deploy. Run once per database.
/// </summary>
public abstract class ApprovalContractScenarios(WebAppFactory factory)
{
    private const string PreConstruction = "pre-construction-approval";
    private const string PledgeSystem = "pledge-system-approval";

    private static StringContent Xml(string xml) => new(xml, Encoding.UTF8, "application/xml");

    private static async Task<string> ShippedModelAsync(HttpClient admin, string key) =>
        (await (await admin.GetAsync($"/api/designer/files/workflows/{key}.bpmn")).ShouldHaveStatusAsync(HttpStatusCode.OK)).Text("xml");

    private static string Break(string xml, string from, string to)
    {
        var broken = xml.Replace(from, to, StringComparison.Ordinal);
        broken.ShouldNotBe(xml, $"the edit '{from}' applies to the shipped model");
        return broken;
    }

    /// <summary>Each defect: the shipped model, the edit, the element the problem is at (with its name) and a word of the message.</summary>
    public static TheoryData<string, string, string, string, string, string, string> Defects => new()
    {
        // A step without a decision: land's decide task turned into a second review.
        { "step-without-decision", PreConstruction,
            "af:role=\"decide\" af:outcomes=\"approve,reject,return\" af:outcomeVariable=\"landOutcome\"",
            "af:role=\"review\" af:outcomes=\"approve,reject,return\" af:outcomeVariable=\"landOutcome\"",
            "landAccept", "土地手续受理", "决定任务" },
        // A decision without a reject outcome.
        { "decision-without-reject", PreConstruction,
            "af:outcomes=\"approve,reject,return\" af:outcomeVariable=\"landOutcome\"",
            "af:outcomes=\"approve,return\" af:outcomeVariable=\"landOutcome\"",
            "landDecide", "土地手续决定", "reject" },
        // A decision whose reject outcome has no path out of its gateway.
        { "reject-without-path", PreConstruction,
            "${landOutcome == 'reject'}", "${landOutcome == 'refused'}",
            "landDecide", "土地手续决定", "landDecision" },
        // An unknown department.
        { "unknown-department", PreConstruction,
            "af:department=\"administrative-approval\" af:role=\"register\"",
            "af:department=\"window-office\" af:role=\"register\"",
            "registration", "综合窗口登记", "window-office" },
        // A department step task without a time limit.
        { "missing-time-limit", PreConstruction,
            "id=\"landReview\" name=\"土地手续审查\" af:stepCode=\"land\" af:department=\"natural-resources\" af:timeLimitDays=\"20\"",
            "id=\"landReview\" name=\"土地手续审查\" af:stepCode=\"land\" af:department=\"natural-resources\"",
            "landReview", "土地手续审查", "af:timeLimitDays" },
        // Two steps with one code: the EIA step's tasks and markers carry planning's code.
        { "two-steps-one-code", PreConstruction,
            "af:stepCode=\"eia\"", "af:stepCode=\"planning\"",
            "eiaDecide", "环评决定", "planning" },
        // One step defined twice: one task of the step with another time limit.
        { "one-step-two-settings", PreConstruction,
            "id=\"safetyReview\" name=\"安评审查\" af:stepCode=\"safety\" af:department=\"emergency-management\" af:timeLimitDays=\"10\"",
            "id=\"safetyReview\" name=\"安评审查\" af:stepCode=\"safety\" af:department=\"emergency-management\" af:timeLimitDays=\"12\"",
            "safetyReview", "安评审查", "af:timeLimitDays" },
        // An unknown role.
        { "unknown-role", PreConstruction,
            "af:role=\"review\" camunda:candidateGroups=\"natural-resources\"", "af:role=\"audit\" camunda:candidateGroups=\"natural-resources\"",
            "landReview", "土地手续审查", "audit" },
        // An unknown marker.
        { "unknown-marker", PreConstruction,
            "af:stepCode=\"land\" af:marks=\"overdue\"", "af:stepCode=\"land\" af:marks=\"late\"",
            "landReviewOverdue", "土地手续审查超期", "late" },
        // A marker without its step.
        { "marker-without-step", PreConstruction,
            "id=\"landRejected\" name=\"土地手续不予许可\" af:stepCode=\"land\" af:marks=\"rejected\"",
            "id=\"landRejected\" name=\"土地手续不予许可\" af:marks=\"rejected\"",
            "landRejected", "土地手续不予许可", "af:stepCode" },
        // A decide task without its outcome variable.
        { "decide-without-outcome-variable", PreConstruction,
            " af:outcomeVariable=\"permitOutcome\"", "",
            "permitDecide", "施工许可决定", "af:outcomeVariable" },
        // The pledge system's one-task decision that can reject, without the variable it is read by.
        { "decide-without-approved-variable", PledgeSystem,
            " af:approvedVariable=\"pledgeEligible\"", "",
            "checkLandAndFiling", "核验用地和网上备案", "af:approvedVariable" },
    };

    [Theory]
    [MemberData(nameof(Defects))]
    public async Task A_broken_approval_model_is_refused_at_its_element_and_nothing_is_deployed(
        string defect, string model, string from, string to, string elementId, string elementName, string word)
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        var before = (await admin.GetJsonArrayAsync("/api/definitions")).Count;
        var broken = Break(await ShippedModelAsync(admin, model), from, to);

        foreach (var uri in new[] { "/api/definitions", "/api/designer/publish" })
        {
            var refused = await (await admin.PostAsync(uri, Xml(broken))).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);
            var problem = refused["errors"]!.AsArray().FirstOrDefault(e => e!["elementId"]?.GetValue<string>() == elementId);
            problem.ShouldNotBeNull($"{defect}: {uri} names {elementId}; it answered {refused["errors"]!.ToJsonString()}");
            var message = problem.Text("message");
            message.ShouldContain(elementName, Case.Sensitive, $"{defect}: the message names the element");
            message.ShouldContain(elementId, Case.Sensitive, defect);
            message.ShouldContain(word, Case.Sensitive, defect);
            problem["line"]!.GetValue<int>().ShouldBeGreaterThan(0);
        }
        (await admin.GetJsonArrayAsync("/api/definitions")).Count.ShouldBe(before, $"{defect}: nothing was deployed");

        var validation = await (await admin.PostAsync("/api/designer/validate", Xml(broken))).ShouldHaveStatusAsync(HttpStatusCode.OK);
        validation["valid"]!.GetValue<bool>().ShouldBeFalse(defect);
        validation["problems"]!.AsArray().ShouldContain(p => p!["elementId"]!.GetValue<string>() == elementId, defect);
    }

    [Fact]
    public async Task The_shipped_models_keep_the_contract_and_publish()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        foreach (var key in new[] { PreConstruction, PledgeSystem })
        {
            var xml = await ShippedModelAsync(admin, key);
            var validation = await (await admin.PostAsync("/api/designer/validate", Xml(xml))).ShouldHaveStatusAsync(HttpStatusCode.OK);
            validation["problems"]!.AsArray().ShouldBeEmpty(key);
            validation["valid"]!.GetValue<bool>().ShouldBeTrue(key);

            (await (await admin.PostAsync("/api/definitions", Xml(xml))).ShouldHaveStatusAsync(HttpStatusCode.Created)).Text("key").ShouldBe(key);
            (await (await admin.PostAsync("/api/designer/publish", Xml(xml))).ShouldHaveStatusAsync(HttpStatusCode.Created)).Text("key").ShouldBe(key);
        }
    }

    [Fact]
    public async Task A_model_without_approval_roles_deploys_as_before_even_with_af_attributes_the_contract_would_refuse()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        const string plain = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:af="http://approvalflow.org/schema/1.0/bpmn"
                         id="plainDefs" targetNamespace="http://approvalflow.org/tests">
              <process id="plain-without-roles" isExecutable="true">
                <startEvent id="start" />
                <userTask id="check" name="检查" af:stepCode="check" af:department="no-such-department" />
                <endEvent id="end" af:marks="whatever" />
                <sequenceFlow id="f1" sourceRef="start" targetRef="check" />
                <sequenceFlow id="f2" sourceRef="check" targetRef="end" />
              </process>
            </definitions>
            """;

        (await (await admin.PostAsync("/api/definitions", Xml(plain))).ShouldHaveStatusAsync(HttpStatusCode.Created)).Text("key").ShouldBe("plain-without-roles");
        (await admin.DeployAsync("land-review")).Text("key").ShouldBe("land-review");
    }

    [Fact]
    public async Task The_problems_are_in_English_when_English_is_chosen()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        var broken = Break(await ShippedModelAsync(admin, PreConstruction), " af:outcomeVariable=\"permitOutcome\"", "");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/definitions") { Content = Xml(broken) };
        // The language switch's cookie chooses the language (the browser's Accept-Language does not).
        request.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");

        var refused = await (await admin.SendAsync(request)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);

        var message = refused["errors"]!.AsArray().Single(e => e!["elementId"]!.GetValue<string>() == "permitDecide")!.Text("message");
        message.ShouldBe("'施工许可决定' (permitDecide): the decide task of step permit needs af:outcomeVariable (the variable the decision gateway routes on).");
    }
}

public sealed class SqliteApprovalContractScenarios(WebAppFactory factory)
    : ApprovalContractScenarios(factory), IClassFixture<WebAppFactory>;

public sealed class PostgresApprovalContractScenarios(PostgresWebAppFactory factory)
    : ApprovalContractScenarios(factory), IClassFixture<PostgresWebAppFactory>;
