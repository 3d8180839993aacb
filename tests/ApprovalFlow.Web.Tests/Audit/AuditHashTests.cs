using ApprovalFlow.Web.Features.Audit;

namespace ApprovalFlow.Web.Tests.Audit;

public sealed class AuditHashTests
{
    private static readonly AuditRecord Refusal = new(
        "officer@approvalflow.local", "Officer", "RegisterProject", "project", "2026-131102-47-01-000123",
        """{"name":"衡水示范项目"}""", AuditOutcome.Refused, "The project code is taken.");

    private static readonly DateTime At = new DateTime(2026, 11, 29, 8, 30, 15, DateTimeKind.Utc).AddTicks(1_234_567);

    [Fact]
    public void The_canonical_form_is_the_documented_one_and_its_hash_is_pinned()
    {
        var entry = AuditEntry.Chain(7, At, Refusal, AuditHash.Genesis);

        // Rebuilt by hand from docs/audit.md (and checked with a second implementation): a change here breaks every stored chain.
        AuditHash.Canonical(entry).ShouldBe(
            "approvalflow-audit/1\n1:7\n28:2026-11-29T08:30:15.1234560Z\n26:officer@approvalflow.local\n7:Officer\n"
            + "15:RegisterProject\n7:project\n24:2026-131102-47-01-000123\n29:{\"name\":\"衡水示范项目\"}\n7:refused\n"
            + "26:The project code is taken.\n64:" + new string('0', 64) + "\n");
        entry.Hash.ShouldBe("f50c869c3e7401325c2f1986c07b7d131e286419904474cb36c36ef1e6822b4b");
    }

    [Fact]
    public void Time_is_kept_to_the_microsecond_that_every_database_stores()
    {
        var entry = AuditEntry.Chain(1, At, Refusal, AuditHash.Genesis);

        entry.At.Ticks.ShouldBe(At.Ticks - 7);
        entry.At.Kind.ShouldBe(DateTimeKind.Utc);
    }

    [Fact]
    public void A_missing_value_and_an_empty_one_hash_differently()
    {
        var none = AuditEntry.Chain(1, At, Refusal with { SubjectId = null }, AuditHash.Genesis);
        var empty = AuditEntry.Chain(1, At, Refusal with { SubjectId = "" }, AuditHash.Genesis);

        none.Hash.ShouldNotBe(empty.Hash);
    }

    [Fact]
    public void Moving_text_from_one_field_to_the_next_changes_the_hash()
    {
        var a = AuditEntry.Chain(1, At, Refusal with { SubjectType = "pro", SubjectId = "ject1" }, AuditHash.Genesis);
        var b = AuditEntry.Chain(1, At, Refusal with { SubjectType = "project", SubjectId = "1" }, AuditHash.Genesis);

        a.Hash.ShouldNotBe(b.Hash);
    }

    [Theory]
    [InlineData("RegisterProjectCommand", "RegisterProject")]
    [InlineData("RegisterProject", "RegisterProject")]
    [InlineData("Command", "Command")]
    public void The_action_is_the_command_name_without_its_suffix(string typeName, string action)
    {
        var type = typeName switch
        {
            "RegisterProjectCommand" => typeof(RegisterProjectCommand),
            "RegisterProject" => typeof(RegisterProject),
            _ => typeof(Command),
        };

        AuditRecord.ActionName(type).ShouldBe(action);
    }

    private sealed record RegisterProjectCommand;

    private sealed record RegisterProject;

    private sealed record Command;
}
