using System.Globalization;

namespace ApprovalFlow.Benchmarks;

/// <summary>The peer baseline and the engine on SQLite, one after the other in the same process, with the same load.</summary>
public static class CompareScenario
{
    public static async Task<int> RunAsync(Options options)
    {
        var ours = ParallelScenario.Read(options, storeOption: false);
        var peerSettings = WorkflowCoreScenario.Read(options);
        options.RejectUnknown();

        var peer = await WorkflowCoreScenario.MeasureAsync(peerSettings, Console.Out);
        Console.WriteLine(peer.KeyValues());
        Console.WriteLine();
        var engine = await ParallelScenario.MeasureAsync(ours, Console.Out);
        Console.WriteLine(engine.KeyValues());
        Console.WriteLine();

        var ratio = engine.CasesPerSecond / peer.CasesPerSecond;
        Console.WriteLine($"== compare: {ours.Cases} cases, {ours.Clients} clients; target ≥ 3× the peer's cases/s on SQLite: {(ratio >= 3 ? "met" : "NOT met")}");
        Console.WriteLine($"workflowcore {peer.KeyValues()}");
        Console.WriteLine($"approvalflow_sqlite {engine.KeyValues()}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio_cases_per_s={ratio:F2}"));
        return peer.Ok && engine.Ok ? 0 : 1;
    }
}
