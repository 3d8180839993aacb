using System.Text;

namespace ApprovalFlow.Engine.Tests.Scenarios;

/// <summary>The Camunda-style scenario models of this folder, copied beside the test assembly and read byte for byte.</summary>
public static class ScenarioModel
{
    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Scenarios", name + ".bpmn"));

    public static string Text(string name) => Encoding.UTF8.GetString(Bytes(name));
}
