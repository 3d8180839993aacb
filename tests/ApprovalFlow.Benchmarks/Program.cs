namespace ApprovalFlow.Benchmarks;

/// <summary>
/// Load scenarios for the engine and for its peer baseline. Each scenario prints its figures and, as its last line,
/// key=value pairs separated by spaces, so scripts can take the last line alone. (A class, not top-level statements,
/// so that a test project can reference this one next to the web app's own <c>Program</c>.)
/// </summary>
public static class BenchmarkProgram
{
    private const string Usage = """
        usage: dotnet run -c Release --project tests/ApprovalFlow.Benchmarks -- <scenario> [options]
          parallel      --cases N --clients C --store sqlite|postgres [--connection CS] [--warmup W]
                        [--sqlite-sync normal|full] [--sqlite-busy-timeout MS] [--sqlite-write-gate] [--probe-cases P] [--keep-db]
          workflowcore  --cases N --clients C [--warmup W] [--wc-poll-ms MS]
          compare       --cases N --clients C [--warmup W] [--wc-poll-ms MS] [--sqlite-sync normal|full] [--sqlite-busy-timeout MS] [--sqlite-write-gate] [--probe-cases P]
          http          --clients C --seconds S [--url URL] [--warmup-seconds W] [--seed-cases N] [--hangfire on|off] [--sqlite-write-queue on|off]
          scale         --cases N --store postgres|sqlite [--connection CS] [--samples K] [--keep-db]
        """;

    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            Console.WriteLine(Usage);
            return args.Length == 0 ? 2 : 0;
        }

        try
        {
            var options = Options.Parse(args.Skip(1));
            return args[0] switch
            {
                "parallel" => await ParallelScenario.RunAsync(options),
                "workflowcore" => await WorkflowCoreScenario.RunAsync(options),
                "compare" => await CompareScenario.RunAsync(options),
                "http" => await HttpScenario.RunAsync(options),
                "scale" => await ScaleScenario.RunAsync(options),
                _ => throw new OptionsException($"unknown scenario '{args[0]}'"),
            };
        }
        catch (OptionsException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            Console.Error.WriteLine(Usage);
            return 2;
        }
    }
}
