using System.Text.Json.Nodes;
using ApprovalFlow.Web.Features.Audit;

namespace ApprovalFlow.Web.Tests.Audit;

public sealed class AuditDataTests
{
    [Fact]
    public void Secrets_are_masked_at_any_depth_and_opted_out_fields_are_left_out()
    {
        var data = JsonNode.Parse(AuditData.Summarise(new GrantRoleCommand(
            "reviewers",
            Password: "hunter2",
            ApiToken: "tok-123",
            PersonalNote: "born 1980",
            Settings: new Dictionary<string, string> { ["client_secret"] = "s3", ["名称"] = "审批" })))!.AsObject();

        data["roleName"]!.GetValue<string>().ShouldBe("reviewers");
        data["password"]!.GetValue<string>().ShouldBe(AuditData.Masked);
        data["apiToken"]!.GetValue<string>().ShouldBe(AuditData.Masked);
        data.ContainsKey("personalNote").ShouldBeFalse();
        data["settings"]!["client_secret"]!.GetValue<string>().ShouldBe(AuditData.Masked);
        data["settings"]!["名称"]!.GetValue<string>().ShouldBe("审批");
        // The subject has its own columns.
        data.ContainsKey("subjectType").ShouldBeFalse();
        data.ContainsKey("subjectId").ShouldBeFalse();
    }

    [Fact]
    public void A_null_secret_stays_null_so_the_log_shows_none_was_given()
    {
        var data = JsonNode.Parse(AuditData.Summarise(new GrantRoleCommand("r", "pw", ApiToken: null, null)))!.AsObject();

        data["apiToken"].ShouldBeNull();
        data.ContainsKey("apiToken").ShouldBeTrue();
    }

    [Fact]
    public void Binary_content_is_left_out_and_chinese_text_stays_readable()
    {
        var text = AuditData.Summarise(new UploadCommand("环评报告.pdf", [1, 2, 3], new MemoryStream([4])));

        text.ShouldBe("""{"fileName":"环评报告.pdf"}""");
    }

    [Theory]
    [InlineData("password", true)]
    [InlineData("NewPassword", true)]
    [InlineData("refresh_token", true)]
    [InlineData("api-key", true)]
    [InlineData("ConnectionString", true)]
    [InlineData("name", false)]
    [InlineData("tokenCount", true)]
    [InlineData("projectCode", false)]
    public void Secret_names_are_recognised(string name, bool secret) => AuditData.IsSecretName(name).ShouldBe(secret);

    private sealed record UploadCommand(string FileName, byte[] Content, Stream Body);
}
