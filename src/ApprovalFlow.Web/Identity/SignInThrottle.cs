using System.Net;
using System.Threading.RateLimiting;
using ApprovalFlow.Web.Ui.Shell;
using Microsoft.Extensions.Options;

namespace ApprovalFlow.Web.Identity;

/// <summary>
/// Counts failed sign-ins per account and client address in a sliding window (<see cref="SignInLimits"/>); shared by
/// <c>POST /api/auth/login</c> and the sign-in page. In memory per server: with several servers each counts its own.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    private const int Segments = 5;
    private readonly PartitionedRateLimiter<string> _failures;

    public SignInThrottle(IOptions<SignInLimits> options)
    {
        var limits = options.Value;
        RetryAfter = TimeSpan.FromMinutes(Math.Max(1, limits.FailureWindowMinutes)) / Segments;
        var window = TimeSpan.FromMinutes(Math.Max(1, limits.FailureWindowMinutes));
        var permits = Math.Max(1, limits.FailuresPerAccountAndAddress);
        _failures = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetSlidingWindowLimiter(key, _ =>
            new SlidingWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = window,
                SegmentsPerWindow = Segments,
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }

    /// <summary>When a blocked caller may try again at the latest: one segment of the sliding window.</summary>
    public TimeSpan RetryAfter { get; }

    public static string KeyOf(string? account, IPAddress? address) =>
        $"{(account ?? "").Trim().ToUpperInvariant()}|{address?.ToString() ?? "unknown"}";

    /// <summary>Whether this account has used up its failures from this address (asks without using a permit).</summary>
    public bool IsBlocked(string key)
    {
        using var lease = _failures.AttemptAcquire(key, 0);
        return !lease.IsAcquired;
    }

    public void RecordFailure(string key)
    {
        using var lease = _failures.AttemptAcquire(key, 1);
    }

    /// <summary>The 429 answer of a throttled sign-in, in the request's language.</summary>
    public static IResult TooManyAttempts(HttpContext context, TimeSpan retryAfter)
    {
        context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: TooManyTitle,
            detail: TooManyDetail(retryAfter));
    }

    public static string TooManyTitle => L.T("登录尝试过于频繁", "Too many sign-in attempts");

    public static string TooManyDetail(TimeSpan retryAfter)
    {
        var minutes = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalMinutes));
        return L.T($"登录尝试次数过多，请 {minutes} 分钟后再试。", $"Too many sign-in attempts; try again in {minutes} minute(s).");
    }

    public void Dispose() => _failures.Dispose();
}
