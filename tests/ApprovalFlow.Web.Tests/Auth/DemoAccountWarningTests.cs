using System.Collections.Concurrent;
using ApprovalFlow.Web.Identity;
using ApprovalFlow.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ApprovalFlow.Web.Tests.Auth;

public sealed class DemoAccountWarningTests
{
    [Fact]
    public async Task The_first_start_warns_that_the_demo_credentials_must_be_changed()
    {
        await using var factory = new LogCapturingFactory();
        _ = factory.Services;

        var warning = factory.Logs.Single(l => l.Level == LogLevel.Warning && l.Message.Contains("demo credentials"));
        foreach (var account in DemoAccount.All)
        {
            warning.Message.ShouldContain(account.Email);
        }
        warning.Message.ShouldContain(DemoAccount.Password);
    }

    private sealed class LogCapturingFactory : WebAppFactory
    {
        public ConcurrentQueue<(LogLevel Level, string Message)> Logs { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(new CapturingProvider(Logs)));
        }
    }

    private sealed class CapturingProvider(ConcurrentQueue<(LogLevel, string)> logs) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new CapturingLogger(logs);

        public void Dispose() { }
    }

    private sealed class CapturingLogger(ConcurrentQueue<(LogLevel, string)> logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                logs.Enqueue((logLevel, formatter(state, exception)));
            }
        }
    }
}
