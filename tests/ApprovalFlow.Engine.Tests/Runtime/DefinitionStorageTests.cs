using System.Text;
using ApprovalFlow.Engine.Tests.Infrastructure;
using static ApprovalFlow.Engine.Tests.Infrastructure.Bpmn;

namespace ApprovalFlow.Engine.Tests.Runtime;

public class DefinitionStorageTests
{
    [Theory]
    [InlineData(StoreKind.Sqlite)]
    [InlineData(StoreKind.Postgres)]
    public async Task A_model_deployed_in_GB2312_reads_the_same_after_a_restart(StoreKind store)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var xml = Process("gb", $"""
            <startEvent id="start" /><userTask id="accept" name="窗口受理" /><endEvent id="end" />
            {Flow("a", "start", "accept")}{Flow("b", "accept", "end")}
            """).Replace("encoding=\"UTF-8\"", "encoding=\"GB2312\"");
        await using var before = await EngineHarness.CreateAsync(store);
        await before.Engine().DeployAsync(Encoding.GetEncoding("GB2312").GetBytes(xml), "admin");

        // A new process has an empty definition cache: the model is read back from the stored text.
        await using var after = before.Restart();
        var instance = await after.StartAsync("gb");
        (await after.TaskAsync(instance.Id, "accept")).Name.ShouldBe("窗口受理");
    }
}
