namespace ApprovalFlow.Web.Features.Supervision;

/// <summary>
/// Ranks counties on one indicator. Ties share the better rank (1, 2, 2, 4). "Last" is every county holding the worst
/// value, but only when at least two counties are ranked and not all of them hold the same value: when everyone ties,
/// nobody is last. Counties without a value are not ranked and are never last.
/// </summary>
public static class CountyRanks
{
    public sealed record Rank(int Position, bool Last);

    public static IReadOnlyDictionary<string, Rank> Of(IReadOnlyDictionary<string, double?> values, bool higherIsBetter)
    {
        var ranked = values.Where(v => v.Value is not null).Select(v => (v.Key, Value: v.Value!.Value)).ToList();
        var ordered = (higherIsBetter ? ranked.OrderByDescending(v => v.Value) : ranked.OrderBy(v => v.Value)).ToList();
        var worst = ordered.Count > 0 ? ordered[^1].Value : 0;
        var anyLast = ordered.Count >= 2 && ordered[0].Value != worst;
        var result = new Dictionary<string, Rank>();
        foreach (var (key, value) in ordered)
        {
            var position = 1 + ordered.Count(o => higherIsBetter ? o.Value > value : o.Value < value);
            result[key] = new Rank(position, anyLast && value == worst);
        }
        return result;
    }
}
