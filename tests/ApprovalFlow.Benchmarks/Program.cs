using ApprovalFlow.Benchmarks;

// Load scenarios for the engine and for its peer baseline. Each scenario prints its figures and, as its
// last line, key=value pairs separated by spaces, so scripts can take the last line alone.
const string Usage = """
    usage: dotnet run -c Release --project tests/ApprovalFlow.Benchmarks -- <scenario> [options]
      parallel      --cases N --clients C --store sqlite|postgres [--connection CS] [--warmup W]
                    [--sqlite-sync normal|full] [--sqlite-busy-timeout MS] [--sqlite-write-gate] [--probe-cases P] [--keep-db]
      workflowcore  --cases N --clients C [--warmup W] [--wc-poll-ms MS]
      compare       --cases N --clients C [--warmup W] [--wc-poll-ms MS] [--sqlite-sync normal|full] [--sqlite-busy-timeout MS] [--sqlite-write-gate] [--probe-cases P]
    """;

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
        _ => throw new OptionsException($"unknown scenario '{args[0]}'"),
    };
}
catch (OptionsException ex)
{
    Console.Error.WriteLine($"error: {ex.Message}");
    Console.Error.WriteLine(Usage);
    return 2;
}
