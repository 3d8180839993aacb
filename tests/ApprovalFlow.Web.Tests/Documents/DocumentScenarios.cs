using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Calendar;
using ApprovalFlow.Web.Identity;
using ApprovalFlow.Web.Tests.Approvals;
using ApprovalFlow.Web.Tests.Infrastructure;
using ApprovalFlow.Web.Tests.Projects;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static ApprovalFlow.Web.Tests.Approvals.ApprovalWorld;

namespace ApprovalFlow.Web.Tests.Documents;

/// <summary>A case's documents over HTTP (docs/documents.md): which exist when, the PDF, who may fetch it, its verification.</summary>
public abstract partial class DocumentScenarios(WebAppFactory factory)
{
    [Fact]
    public async Task Each_document_is_offered_exactly_when_the_step_history_allows_it()
    {
        var world = await ApprovalWorld.CreateAsync(factory, "衡水某文书测试有限公司");
        var approvalCase = await world.RegisterAsync(await world.StartAsync());
        var caseId = approvalCase.Id();
        (await ListAsync(world.Enterprise, caseId)).ShouldBeEmpty("nothing is accepted yet");

        var land = await world.OfficerOfStepAsync("land");
        approvalCase = await ActAsync(land, approvalCase, "landAccept", "accept");
        (await KindsAsync(world.Enterprise, caseId)).ShouldBe(["acceptance land"]);

        approvalCase = await AcceptWithGapAsync(world, approvalCase, "planning");
        (await KindsAsync(world.Enterprise, caseId)).ShouldBe(["acceptance land", "acceptance planning", "gap-acceptance planning"], ignoreOrder: true);

        var eia = await world.OfficerOfStepAsync("eia");
        approvalCase = await ActAsync(eia, approvalCase, "eiaAccept", "accept");
        approvalCase = await ActAsync(eia, approvalCase, "eiaReview", "review");
        approvalCase = await ActAsync(eia, approvalCase, "eiaDecide", "decide", new { outcome = "return", opinion = "环境影响报告表缺少噪声监测数据" });
        approvalCase = await ActAsync(world.Enterprise, approvalCase, "eiaResubmit", "resubmit", new { note = "已补充噪声监测数据" });
        approvalCase = await ActAsync(eia, approvalCase, "eiaAccept", "accept");
        approvalCase = await ActAsync(eia, approvalCase, "eiaReview", "review");
        approvalCase = await ActAsync(eia, approvalCase, "eiaDecide", "decide", new { outcome = "return", opinion = "监测点位图不清晰" });

        approvalCase = await ActAsync(land, approvalCase, "landReview", "review");
        approvalCase = await ActAsync(land, approvalCase, "landDecide", "decide", new { outcome = "approve", opinion = "同意供地" });
        approvalCase = await world.RunStepAsync(approvalCase, "safety", "reject", "选址与危险化学品仓库的安全距离不足");

        // Planning is approved while its gap is open: the result is withheld (不出证), so no decision document yet.
        approvalCase = await ActAsync(land, approvalCase, "planningReview", "review");
        approvalCase = await ActAsync(land, approvalCase, "planningDecide", "decide", new { outcome = "approve", opinion = "同意规划许可" });
        StatusOf(approvalCase, "planning").ShouldBe("approved");

        string[] expected =
        [
            "acceptance land", "acceptance planning", "gap-acceptance planning", "acceptance eia", "correction eia", "acceptance eia",
            "correction eia", "approval land", "acceptance safety", "rejection safety",
        ];
        (await KindsAsync(world.Enterprise, caseId)).ShouldBe(expected, ignoreOrder: true);
        (await KindsAsync(land, caseId)).ShouldBe(expected, ignoreOrder: true, "the officer sees the same documents");

        var gaps = await world.Enterprise.GetJsonArrayAsync($"/api/gaps?projectId={world.ProjectId}");
        var supplied = await world.Enterprise.PostAsJsonAsync($"/api/gaps/{gaps.Single()!.Id()}/supply",
            new { materialCode = "business-licence", note = "已通过共享平台核验" });
        await supplied.ShouldHaveStatusAsync(HttpStatusCode.OK);
        (await KindsAsync(world.Enterprise, caseId)).ShouldBe([.. expected, "approval planning"], ignoreOrder: true,
            "the gap supplied, the result is issued");

        var corrections = (await ListAsync(world.Enterprise, caseId)).Where(d => d.Text("kind") == "correction").ToList();
        corrections.Select(d => d!["changeId"]!.GetValue<long>()).Distinct().Count().ShouldBe(2);
        var second = await DownloadAsync(world.Enterprise, corrections.OrderBy(d => d!["changeId"]!.GetValue<long>()).Last()!.Text("url"));
        PdfText.Flat(second).ShouldContain("监测点位图不清晰");
        var rejection = await DownloadAsync(world.Enterprise, (await ListAsync(world.Enterprise, caseId)).Single(d => d.Text("kind") == "rejection")!.Text("url"));
        var rejectionText = PdfText.Flat(rejection);
        rejectionText.ShouldContain("不予行政许可决定书");
        rejectionText.ShouldContain("选址与危险化学品仓库的安全距离不足");
        rejectionText.ShouldContain("应急管理", customMessage: "the department by its Chinese name");
    }

    [Fact]
    public async Task A_virtual_approval_has_its_decision_document_once_it_takes_effect_with_the_opinion_given_at_the_decision()
    {
        var world = await ApprovalWorld.CreateAsync(factory, "衡水某虚拟审批文书有限公司");
        var approvalCase = await world.RegisterAsync(await world.StartAsync("virtual"));
        approvalCase = await world.RunStepAsync(approvalCase, "planning", "approve", "同意，待用地批准后生效");
        StatusOf(approvalCase, "planning").ShouldBe("virtuallyApproved");
        (await KindsAsync(world.Enterprise, approvalCase.Id())).ShouldBe(["acceptance planning"], "not effective yet: no decision document");

        approvalCase = await world.RunStepAsync(approvalCase, "land");
        StatusOf(approvalCase, "planning").ShouldBe("approved");
        var documents = await ListAsync(world.Enterprise, approvalCase.Id());
        documents.Select(d => $"{d.Text("kind")} {d.Text("stepCode")}")
            .ShouldBe(["acceptance planning", "acceptance land", "approval land", "approval planning"], ignoreOrder: true);
        var decision = PdfText.Flat(await DownloadAsync(world.Enterprise,
            documents.Single(d => d.Text("kind") == "approval" && d.Text("stepCode") == "planning").Text("url")));
        decision.ShouldContain("准予行政许可决定书");
        decision.ShouldContain("同意，待用地批准后生效");
    }

    [Fact]
    public async Task The_pdf_embeds_its_font_and_states_the_facts_of_the_gap_notice()
    {
        var world = await ApprovalWorld.CreateAsync(factory, "衡水某容缺文书有限公司");
        var approvalCase = await world.RegisterAsync(await world.StartAsync());
        approvalCase = await AcceptWithGapAsync(world, approvalCase, "planning");
        var project = await (await world.Enterprise.GetAsync($"/api/projects/{world.ProjectId}")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var notice = (await ListAsync(world.Enterprise, approvalCase.Id())).Single(d => d.Text("kind") == "gap-acceptance")!;
        notice.Text("title").ShouldBe("容缺受理通知书");
        notice.Text("department").ShouldBe("自然资源和规划");

        var response = await world.Enterprise.GetAsync(notice.Text("url"));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var disposition = response.Content.Headers.ContentDisposition!;
        disposition.DispositionType.ShouldBe("attachment");
        disposition.FileNameStar.ShouldNotBeNull().ShouldStartWith("容缺受理通知书-");
        disposition.FileName.ShouldNotBeNull().ShouldContain("gap-acceptance-", customMessage: "an ASCII name beside it");
        var pdf = await response.Content.ReadAsByteArrayAsync();
        Encoding.ASCII.GetString(pdf, 0, 5).ShouldBe("%PDF-");
        var raw = Encoding.Latin1.GetString(pdf);
        raw.ShouldContain("/FontFile2", customMessage: "the TrueType font is embedded");
        raw.ShouldContain("+Noto#20Sans#20SC", customMessage: "a subset of the shipped Noto Sans SC");

        var text = PdfText.Flat(pdf);
        text.ShouldContain("容缺受理通知书");
        text.ShouldContain(project.Text("name"));
        text.ShouldContain(project.Text("code"));
        text.ShouldContain("衡水某容缺文书有限公司");
        text.ShouldContain("营业执照复印件", customMessage: "the missing material by its name, not its code");
        text.ShouldContain("本企业承诺在规定期限内补齐容缺材料");
        text.ShouldContain(ChinaDate(Deadline(factory)));
        text.ShouldContain("自然资源和规划");
    }

    [Fact]
    public async Task Another_enterprise_and_an_officer_of_another_county_find_no_documents()
    {
        var world = await ApprovalWorld.CreateAsync(factory, "衡水某文书权限有限公司");
        var approvalCase = await world.RegisterAsync(await world.StartAsync());
        approvalCase = await ActAsync(await world.OfficerOfStepAsync("land"), approvalCase, "landAccept", "accept");
        var caseId = approvalCase.Id();
        var url = (await ListAsync(world.Enterprise, caseId)).Single()!.Text("url");

        var otherEnterprise = await factory.EnterpriseUserAsync(world.Admin, await world.Admin.RegisterEnterpriseAsync("衡水某无关企业有限公司"));
        var otherCounty = await CountyOfficerAsync("natural-resources", "131103");
        var sameCounty = await CountyOfficerAsync("natural-resources", "131102");
        foreach (var stranger in new[] { otherEnterprise, otherCounty })
        {
            await (await stranger.GetAsync($"/api/cases/{caseId}/documents")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
            await (await stranger.GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        }
        foreach (var reader in new[] { world.Enterprise, sameCounty, world.Admin })
        {
            (await reader.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        await (await world.Enterprise.GetAsync($"/api/cases/{caseId}/documents/approval?step={Step(approvalCase, "land").Id()}"))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await world.Enterprise.GetAsync($"/api/cases/{caseId}/documents/licence?step={Step(approvalCase, "land").Id()}"))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_verification_url_names_the_document_and_the_audit_entry_it_rests_on()
    {
        var world = await ApprovalWorld.CreateAsync(factory, "衡水某核验测试有限公司");
        var approvalCase = await world.RegisterAsync(await world.StartAsync());
        var acceptTask = TaskId(approvalCase, "landAccept");
        approvalCase = await ActAsync(await world.OfficerOfStepAsync("land"), approvalCase, "landAccept", "accept");
        var project = await (await world.Enterprise.GetAsync($"/api/projects/{world.ProjectId}")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var url = (await ListAsync(world.Enterprise, approvalCase.Id())).Single()!.Text("url");

        var text = PdfText.Of(await DownloadAsync(world.Enterprise, url));
        var code = VerificationCode().Match(text).Groups[1].Value;
        code.Length.ShouldBe(26);
        text.ShouldContain($"http://localhost/verify/{code}", customMessage: "the URL the QR code encodes is printed beside it");
        PdfText.Of(await DownloadAsync(await world.OfficerOfStepAsync("land"), url)).ShouldContain(code, customMessage: "one code per document");

        var anonymous = factory.CreateClient();
        var verified = await (await anonymous.GetAsync($"/verify/{code}?format=json")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        verified.Text("kind").ShouldBe("acceptance");
        verified.Text("title").ShouldBe("受理通知书");
        verified.Text("projectName").ShouldBe(project.Text("name"));
        verified.Text("projectCode").ShouldBe(project.Text("code"));
        verified.Text("stepName").ShouldBe(Step(approvalCase, "land").Text("name"));
        verified.Text("department").ShouldContain("自然资源和规划");
        verified.Text("date").ShouldBe(ChinaDate(DateTime.UtcNow));
        var entry = verified["auditEntry"]!;
        entry.Text("action").ShouldBe("AcceptStep");
        var audit = await (await world.Admin.GetAsync($"/api/audit?subjectType=task&subjectId={acceptTask}")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var accepted = audit["items"]!.AsArray().Single(i => i.Text("action") == "AcceptStep" && i.Text("outcome") == "succeeded")!;
        entry["sequence"]!.GetValue<long>().ShouldBe(accepted["sequence"]!.GetValue<long>());
        entry.Text("hash").ShouldBe(accepted.Text("hash"));
        verified.ToJsonString().ShouldNotContain("@test.local", customMessage: "no officer is named");

        var page = await anonymous.GetAsync($"/verify/{code}");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await page.Content.ReadAsStringAsync()).ShouldContain(WebUtility.HtmlEncode(project.Text("name")));
        (await anonymous.GetAsync("/verify/aaaaaaaaaaaaaaaaaaaaaaaaaa?format=json")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static async Task<JsonObject> AcceptWithGapAsync(ApprovalWorld world, JsonObject approvalCase, string step)
    {
        var pledge = await world.Enterprise.PostAsJsonAsync("/api/pledges", new
        {
            projectId = world.ProjectId, scheme = "tolerated-gap", stepCode = step,
            text = "本企业承诺在规定期限内补齐容缺材料，逾期未补齐的自愿承担相应责任。",
        });
        var pledgeId = (await pledge.ShouldHaveStatusAsync(HttpStatusCode.Created)).Id();
        return await ActAsync(await world.OfficerOfStepAsync(step), approvalCase, step + "Accept", "accept", new
        {
            toleratedGap = new { missingMaterials = new[] { "business-licence" }, pledgeId, supplementDeadline = Deadline(world.Factory) },
        });
    }

    private static DateTime Deadline(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> factory) =>
        ChinaStandardTime.EndOfDayUtc(ChinaStandardTime.DateOf(factory.Services.GetRequiredService<WorkingDayCalendar>().AddWorkingDays(DateTime.UtcNow, 3)));

    private static string ChinaDate(DateTime utc)
    {
        var day = ChinaStandardTime.DateOf(utc);
        return $"{day.Year}年{day.Month}月{day.Day}日";
    }

    private static async Task<List<JsonNode>> ListAsync(HttpClient client, Guid caseId) =>
        (await client.GetJsonArrayAsync($"/api/cases/{caseId}/documents")).Select(d => d!).ToList();

    private static async Task<List<string>> KindsAsync(HttpClient client, Guid caseId) =>
        (await ListAsync(client, caseId)).Select(d => $"{d.Text("kind")} {d.Text("stepCode")}").ToList();

    private static async Task<byte[]> DownloadAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadAsByteArrayAsync();
    }

    private async Task<HttpClient> CountyOfficerAsync(string department, string county)
    {
        var email = $"docs-{department}-{county}-{Guid.NewGuid():N}@test.local";
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, Department = department, County = county };
            (await users.CreateAsync(user, DemoAccount.Password)).Succeeded.ShouldBeTrue();
            (await users.AddToRoleAsync(user, AppRoles.Officer)).Succeeded.ShouldBeTrue();
        }
        return await factory.LoginAsync(email);
    }

    [GeneratedRegex("核验码：([a-z2-7]{26})")]
    private static partial Regex VerificationCode();
}

public sealed class SqliteDocumentScenarios(WebAppFactory factory) : DocumentScenarios(factory), IClassFixture<WebAppFactory>;

public sealed class PostgresDocumentScenarios(PostgresWebAppFactory factory) : DocumentScenarios(factory), IClassFixture<PostgresWebAppFactory>;
