using System.Globalization;

namespace ApprovalFlow.Benchmarks;

public sealed class OptionsException(string message) : Exception(message);

/// <summary>`--name value` pairs and bare `--flag`s; each scenario reads the ones it knows and refuses the rest.</summary>
public sealed class Options
{
    private static readonly HashSet<string> Flags = ["keep-db", "sqlite-write-gate"];
    private readonly Dictionary<string, string?> values = new(StringComparer.Ordinal);
    private readonly HashSet<string> read = new(StringComparer.Ordinal);

    public static Options Parse(IEnumerable<string> args)
    {
        var options = new Options();
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var arg = e.Current;
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
                throw new OptionsException($"expected --option, got '{arg}'");
            var name = arg[2..];
            string? value = null;
            var eq = name.IndexOf('=');
            if (eq > 0)
            {
                value = name[(eq + 1)..];
                name = name[..eq];
            }
            else if (!Flags.Contains(name))
            {
                if (!e.MoveNext()) throw new OptionsException($"--{name} needs a value");
                value = e.Current;
            }
            if (!options.values.TryAdd(name, value)) throw new OptionsException($"--{name} is given twice");
        }
        return options;
    }

    public int Int(string name, int fallback, int min = 0)
    {
        read.Add(name);
        if (!values.TryGetValue(name, out var text)) return fallback;
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min)
            throw new OptionsException($"--{name} wants a whole number ≥ {min}, got '{text}'");
        return value;
    }

    public string? String(string name, string? fallback = null)
    {
        read.Add(name);
        return values.TryGetValue(name, out var text) ? text : fallback;
    }

    public string Choice(string name, string fallback, params string[] allowed)
    {
        var value = String(name, fallback)!;
        if (!allowed.Contains(value, StringComparer.Ordinal))
            throw new OptionsException($"--{name} is one of {string.Join(", ", allowed)}; got '{value}'");
        return value;
    }

    public bool Flag(string name)
    {
        read.Add(name);
        return values.ContainsKey(name);
    }

    /// <summary>Call after reading every option: a misspelt option should stop the run, not be ignored.</summary>
    public void RejectUnknown()
    {
        var unknown = values.Keys.Where(k => !read.Contains(k)).ToList();
        if (unknown.Count > 0) throw new OptionsException($"unknown option(s): {string.Join(", ", unknown.Select(u => "--" + u))}");
    }
}
