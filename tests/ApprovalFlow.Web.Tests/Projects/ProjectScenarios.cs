using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ApprovalFlow.Web.Tests.Infrastructure;

namespace ApprovalFlow.Web.Tests.Projects;

/// <summary>Registering, seeing and moving projects over HTTP; run once per database.</summary>
public abstract class ProjectScenarios(WebAppFactory factory)
{
    [Fact]
    public async Task An_enterprise_registers_a_project_for_itself_and_finds_it()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        var enterpriseId = await admin.RegisterEnterpriseAsync("衡水某物流有限公司");
        var enterprise = await factory.EnterpriseUserAsync(admin, enterpriseId);
        var code = ProjectWorld.NewProjectCode();

        var response = await enterprise.RegisterProjectAsync(ProjectWorld.NewProject(code.Replace("-", "")));
        var project = await response.ShouldHaveStatusAsync(HttpStatusCode.Created);

        response.Headers.Location!.ToString().ShouldEndWith($"/api/projects/{project.Id()}");
        project.Text("code").ShouldBe(code, "the code is kept in its canonical, hyphenated form");
        project.Text("codeFormat").ShouldBe("GB/T 40058-2021");
        project["enterpriseId"]!.GetValue<Guid>().ShouldBe(enterpriseId);
        project.Text("enterpriseName").ShouldBe("衡水某物流有限公司");
        project.Text("county").ShouldBe("131102");
        project.Text("countyName").ShouldBe("桃城区");
        project["totalInvestment"]!.GetValue<decimal>().ShouldBe(52000.5m);
        project.Text("kind").ShouldBe("filed");
        project.Text("list").ShouldBe("reserve");
        project.Text("registeredAt").ShouldEndWith("Z");

        var fetched = await (await enterprise.GetAsync($"/api/projects/{project.Id()}")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        fetched.Text("code").ShouldBe(code);
        var listed = await enterprise.GetJsonArrayAsync("/api/projects");
        listed.Select(p => p!["id"]!.GetValue<Guid>()).ShouldBe([project.Id()]);
    }

    [Fact]
    public async Task Another_enterprises_project_is_invisible_and_reads_as_not_found()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        var owner = await factory.EnterpriseUserAsync(admin, await admin.RegisterEnterpriseAsync("甲公司"));
        var stranger = await factory.EnterpriseUserAsync(admin, await admin.RegisterEnterpriseAsync("乙公司"));
        var project = await owner.RegisteredProjectAsync(ProjectWorld.NewProject());

        await (await stranger.GetAsync($"/api/projects/{project.Id()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.GetAsync($"/api/projects/{project.Id()}/history")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await stranger.GetJsonArrayAsync("/api/projects")).ShouldBeEmpty();

        var officer = await factory.ClientForAsync(Accounts.Officer);
        var supervisor = await factory.ClientForAsync(ProjectWorld.Supervisor);
        foreach (var staff in new[] { officer, supervisor, admin })
        {
            (await staff.GetJsonArrayAsync("/api/projects")).Select(p => p!["id"]!.GetValue<Guid>()).ShouldContain(project.Id());
            await (await staff.GetAsync($"/api/projects/{project.Id()}")).ShouldHaveStatusAsync(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task An_enterprise_cannot_register_a_project_for_another_enterprise()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        var enterprise = await factory.EnterpriseUserAsync(admin, await admin.RegisterEnterpriseAsync("丙公司"));
        var other = await admin.RegisterEnterpriseAsync("丁公司");
        var code = ProjectWorld.NewProjectCode();

        var problem = await (await enterprise.RegisterProjectAsync(ProjectWorld.NewProject(code, enterpriseId: other)))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        problem.Text("detail").ShouldContain("只能为本单位登记项目");
        (await factory.ProjectsWithCodeAsync(code)).ShouldBe(0);
    }

    [Fact]
    public async Task An_enterprise_user_without_an_enterprise_cannot_register()
    {
        var email = $"loose-{Guid.NewGuid():N}@test.local";
        await factory.CreateUserAsync(email, "Enterprise");
        var loose = await factory.LoginAsync(email);

        var problem = await (await loose.RegisterProjectAsync(ProjectWorld.NewProject())).ShouldBeProblemAsync(HttpStatusCode.Forbidden);

        problem.Text("detail").ShouldContain("尚未关联企业");
        (await loose.GetJsonArrayAsync("/api/projects")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Officers_supervisors_and_leaders_cannot_register_and_nothing_is_written()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        var enterpriseId = await admin.RegisterEnterpriseAsync("戊公司");
        foreach (var account in new[] { Accounts.Officer, ProjectWorld.Supervisor, ProjectWorld.Leader })
        {
            var client = await factory.ClientForAsync(account);
            var code = ProjectWorld.NewProjectCode();

            await (await client.RegisterProjectAsync(ProjectWorld.NewProject(code, enterpriseId: enterpriseId)))
                .ShouldBeProblemAsync(HttpStatusCode.Forbidden);

            (await factory.ProjectsWithCodeAsync(code)).ShouldBe(0, account.Email);
        }
    }

    [Fact]
    public async Task Bad_input_is_refused_naming_every_wrong_field_and_nothing_is_written()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        var enterprise = await factory.EnterpriseUserAsync(admin, await admin.RegisterEnterpriseAsync("己公司"));

        var response = await enterprise.RegisterProjectAsync(new
        {
            code = "2113-131102-04-01-123451",
            name = " ",
            county = "石家庄",
            industry = "",
            totalInvestment = -1m,
            kind = "private",
            list = "someday",
        });
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        var errors = problem["errors"]!.AsObject();
        errors.Select(e => e.Key).ShouldBe(["code", "name", "county", "industry", "totalInvestment", "kind", "list"], ignoreOrder: true);
        errors["code"]![0]!.GetValue<string>().ShouldContain("不存在 13 月");
        errors["county"]![0]!.GetValue<string>().ShouldContain("石家庄");
        errors["totalInvestment"]![0]!.GetValue<string>().ShouldContain("负数");
        (await enterprise.GetJsonArrayAsync("/api/projects")).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_wrong_check_digit_is_refused_naming_the_code()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        var enterprise = await factory.EnterpriseUserAsync(admin, await admin.RegisterEnterpriseAsync("庚公司"));
        var code = ProjectWorld.NewProjectCode();
        var wrong = code[..^1] + (char)('0' + (code[^1] - '0' + 3) % 10);

        var problem = await (await enterprise.RegisterProjectAsync(ProjectWorld.NewProject(wrong))).ShouldBeProblemAsync(HttpStatusCode.BadRequest);

        problem["errors"]!["code"]![0]!.GetValue<string>().ShouldContain("校验位");
        problem["errors"]!.AsObject().Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_code_already_registered_is_a_conflict_naming_the_code_even_typed_differently()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        var first = await factory.EnterpriseUserAsync(admin, await admin.RegisterEnterpriseAsync("辛公司"));
        var second = await factory.EnterpriseUserAsync(admin, await admin.RegisterEnterpriseAsync("壬公司"));
        var code = ProjectWorld.NewProjectCode();
        await first.RegisteredProjectAsync(ProjectWorld.NewProject(code));

        var problem = await (await second.RegisterProjectAsync(ProjectWorld.NewProject(code.Replace("-", ""), name: "另一个项目")))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);

        problem.Text("detail").ShouldContain(code);
        (await factory.ProjectsWithCodeAsync(code)).ShouldBe(1);
    }

    [Fact]
    public async Task Two_registrations_of_one_code_at_the_same_moment_give_one_project_and_one_conflict()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        var first = await factory.EnterpriseUserAsync(admin, await admin.RegisterEnterpriseAsync("癸公司"));
        var second = await factory.EnterpriseUserAsync(admin, await admin.RegisterEnterpriseAsync("子公司"));
        var code = ProjectWorld.NewProjectCode();

        var responses = await Task.WhenAll(
            first.RegisterProjectAsync(ProjectWorld.NewProject(code)),
            second.RegisterProjectAsync(ProjectWorld.NewProject(code)));

        responses.Select(r => r.StatusCode).ShouldBe([HttpStatusCode.Created, HttpStatusCode.Conflict], ignoreOrder: true);
        (await factory.ProjectsWithCodeAsync(code)).ShouldBe(1);
    }

    [Fact]
    public async Task An_administrator_registers_for_a_named_enterprise_and_must_name_one()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        var enterpriseId = await admin.RegisterEnterpriseAsync("丑公司");

        var project = await admin.RegisteredProjectAsync(ProjectWorld.NewProject(enterpriseId: enterpriseId));
        project["enterpriseId"]!.GetValue<Guid>().ShouldBe(enterpriseId);

        var missing = await (await admin.RegisterProjectAsync(ProjectWorld.NewProject())).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        missing["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["enterpriseId"]);

        var unknown = await (await admin.RegisterProjectAsync(ProjectWorld.NewProject(enterpriseId: Guid.NewGuid())))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        unknown["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["enterpriseId"]);
    }

    [Fact]
    public async Task A_list_move_is_recorded_in_the_history_with_who_when_and_why()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        var enterprise = await factory.EnterpriseUserAsync(admin, await admin.RegisterEnterpriseAsync("寅公司"));
        var project = await enterprise.RegisteredProjectAsync(ProjectWorld.NewProject());
        var supervisor = await factory.ClientForAsync(ProjectWorld.Supervisor);

        var moved = await (await supervisor.PostAsJsonAsync($"/api/projects/{project.Id()}/list",
            new { list = "planned-new-start", reason = "用地手续已办结，年内具备开工条件" })).ShouldHaveStatusAsync(HttpStatusCode.OK);
        moved.Text("list").ShouldBe("planned-new-start");

        var history = await enterprise.GetJsonArrayAsync($"/api/projects/{project.Id()}/history");
        history.Count.ShouldBe(2);
        history[0].Text("change").ShouldBe("registered");
        history[0].Text("to").ShouldBe("reserve");
        var move = history[1]!;
        move.Text("change").ShouldBe("list-changed");
        move.Text("from").ShouldBe("reserve");
        move.Text("to").ShouldBe("planned-new-start");
        move.Text("by").ShouldBe(ProjectWorld.Supervisor.Email);
        move.Text("reason").ShouldBe("用地手续已办结，年内具备开工条件");
        move.Text("at").ShouldEndWith("Z");
        (await (await enterprise.GetAsync($"/api/projects/{project.Id()}")).ShouldHaveStatusAsync(HttpStatusCode.OK))
            .Text("list").ShouldBe("planned-new-start");
    }

    [Fact]
    public async Task Only_administrators_and_supervisors_move_projects_and_a_move_needs_a_new_list_and_a_reason()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        var enterprise = await factory.EnterpriseUserAsync(admin, await admin.RegisterEnterpriseAsync("卯公司"));
        var project = await enterprise.RegisteredProjectAsync(ProjectWorld.NewProject());
        var uri = $"/api/projects/{project.Id()}/list";
        var officer = await factory.ClientForAsync(Accounts.Officer);

        await (await enterprise.PostAsJsonAsync(uri, new { list = "under-construction", reason = "x" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await officer.PostAsJsonAsync(uri, new { list = "under-construction", reason = "x" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        var noReason = await (await admin.PostAsJsonAsync(uri, new { list = "under-construction" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        noReason["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["reason"]);
        var same = await (await admin.PostAsJsonAsync(uri, new { list = "reserve", reason = "x" })).ShouldBeProblemAsync(HttpStatusCode.Conflict);
        same.Text("detail").ShouldContain("已在储备清单中");
        await (await admin.PostAsJsonAsync($"/api/projects/{Guid.NewGuid()}/list", new { list = "completed", reason = "x" }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);

        (await enterprise.GetJsonArrayAsync($"/api/projects/{project.Id()}/history")).Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_paired_leader_finds_the_projects_paired_with_them_under_mine()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        var enterprise = await factory.EnterpriseUserAsync(admin, await admin.RegisterEnterpriseAsync("辰公司"));
        var paired = await enterprise.RegisteredProjectAsync(ProjectWorld.NewProject());
        var unpaired = await enterprise.RegisteredProjectAsync(ProjectWorld.NewProject());
        var leader = await factory.ClientForAsync(ProjectWorld.Leader);
        var leaderId = await factory.UserIdAsync(ProjectWorld.Leader.Email);

        var assigned = await (await admin.PutAsJsonAsync($"/api/projects/{paired.Id()}/paired-leader", new { userId = leaderId }))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);

        assigned.Text("pairedLeaderUserId").ShouldBe(leaderId);
        assigned.Text("pairedLeaderName").ShouldBe(ProjectWorld.Leader.Email);
        var mine = (await leader.GetJsonArrayAsync("/api/projects?mine=true")).Select(p => p!["id"]!.GetValue<Guid>()).ToList();
        mine.ShouldContain(paired.Id());
        mine.ShouldNotContain(unpaired.Id());
        (await leader.GetJsonArrayAsync("/api/projects")).Select(p => p!["id"]!.GetValue<Guid>()).ShouldContain(unpaired.Id());
        (await enterprise.GetJsonArrayAsync($"/api/projects/{paired.Id()}/history"))[1].Text("change").ShouldBe("paired-leader-assigned");

        await factory.ClientForAsync(Accounts.Officer);
        var officerId = await factory.UserIdAsync(Accounts.Officer.Email);
        var notALeader = await (await admin.PutAsJsonAsync($"/api/projects/{paired.Id()}/paired-leader", new { userId = officerId }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        notALeader["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["userId"]);
        await (await leader.PutAsJsonAsync($"/api/projects/{paired.Id()}/paired-leader", new { name = "某副市长" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Projects_can_be_filtered_by_county_list_and_kind_and_a_bad_filter_names_itself()
    {
        var admin = await factory.ClientForAsync(Accounts.Admin);
        var enterprise = await factory.EnterpriseUserAsync(admin, await admin.RegisterEnterpriseAsync("巳公司"));
        var project = await enterprise.RegisteredProjectAsync(ProjectWorld.NewProject());

        (await enterprise.GetJsonArrayAsync("/api/projects?county=桃城区&list=reserve&kind=filed")).Count.ShouldBe(1);
        (await enterprise.GetJsonArrayAsync("/api/projects?county=131121")).ShouldBeEmpty();
        (await enterprise.GetJsonArrayAsync("/api/projects?kind=approved")).ShouldBeEmpty();
        var bad = await (await enterprise.GetAsync("/api/projects?list=soon")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        bad["errors"]!.AsObject().Select(e => e.Key).ShouldBe(["list"]);
        project.Text("county").ShouldBe("131102");
    }

    [Theory]
    [InlineData("2011 131102 04 01 123451", false, "第 5 位的“ ”不允许使用")]
    [InlineData("20111311020401123451", true, "2011-131102-04-01-123451")]
    [InlineData("2017-440607-70-03-006747", true, "2017-440607-70-03-006747")]
    [InlineData("2011-131102-04-01-123452", false, "校验位")]
    public async Task The_code_check_answers_as_typed(string typed, bool valid, string expected)
    {
        var enterprise = await factory.ClientForAsync(Accounts.Enterprise);

        var check = await (await enterprise.GetAsync($"/api/projects/check-code?code={Uri.EscapeDataString(typed)}"))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);

        check["valid"]!.GetValue<bool>().ShouldBe(valid);
        (valid ? check.Text("code") : check.Text("error")).ShouldContain(expected);
    }

    [Fact]
    public async Task The_thirteen_counties_are_listed_in_the_seeds_order_with_their_targets()
    {
        var officer = await factory.ClientForAsync(Accounts.Officer);

        var counties = await officer.GetJsonArrayAsync("/api/counties");

        counties.Select(c => c.Text("name")).ShouldBe(
            ["桃城区", "冀州区", "枣强县", "武邑县", "深州市", "武强县", "饶阳县", "安平县", "故城县", "景县", "阜城县", "衡水高新区", "滨湖新区"]);
        counties.Select(c => c!["investmentGrowthTarget2020"]!.GetValue<decimal>()).ShouldBe(
            [7m, 6.5m, 6.5m, 7.5m, 6.5m, 6.5m, 7m, 6.5m, 8m, 6.5m, 8m, 6.5m, 4m]);
        counties.Select(c => c.Text("code")).Distinct().Count().ShouldBe(13);
        counties[0].Text("code").ShouldBe("131102");
    }
}

public sealed class ProjectsOnSqlite(WebAppFactory factory)
    : ProjectScenarios(factory), IClassFixture<WebAppFactory>;

public sealed class ProjectsOnPostgres(PostgresWebAppFactory factory)
    : ProjectScenarios(factory), IClassFixture<PostgresWebAppFactory>;
