using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalFlow.Web.Tests.Database;

/// <summary>The embedded default with <c>Database:SqliteWriteQueue</c> switched on (it is off by default, see docs/benchmarks.md).</summary>
public sealed class SqliteWriteQueueAppFactory : WebAppFactory
{
    protected override void ConfigureDatabase(IWebHostBuilder builder)
    {
        base.ConfigureDatabase(builder);
        builder.UseSetting("Database:SqliteWriteQueue", "true");
    }
}

public sealed class SqliteWriteQueueTests(SqliteWriteQueueAppFactory factory) : IClassFixture<SqliteWriteQueueAppFactory>
{
    [Fact]
    public async Task Write_transactions_wait_their_turn_in_arrival_order_and_every_one_commits()
    {
        await using var first = factory.Services.CreateAsyncScope();
        var firstDb = first.ServiceProvider.GetRequiredService<AppDbContext>();
        await firstDb.Database.ExecuteSqlRawAsync("CREATE TABLE IF NOT EXISTS write_queue_probe (n INTEGER)");
        var holding = await firstDb.Database.BeginTransactionAsync();

        // Six writers arrive one after another while the first holds the turn. SQLite's own busy handler would wake them
        // in no particular order (the later ones sleep shorter); the queue lets them in as they came.
        var order = new System.Collections.Concurrent.ConcurrentQueue<int>();
        var writers = new List<Task>();
        for (var i = 1; i <= 6; i++)
        {
            var n = i;
            writers.Add(Task.Run(async () =>
            {
                await using var scope = factory.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                await using var transaction = await db.Database.BeginTransactionAsync();
                order.Enqueue(n);
                await db.Database.ExecuteSqlRawAsync("INSERT INTO write_queue_probe (n) VALUES ({0})", n);
                await transaction.CommitAsync();
            }));
            await Task.Delay(150);
        }
        order.ShouldBeEmpty("nobody may begin while the first writer holds the turn");
        await holding.CommitAsync();
        await holding.DisposeAsync();
        await Task.WhenAll(writers);

        order.ToArray().ShouldBe([1, 2, 3, 4, 5, 6]);
        await using var check = factory.Services.CreateAsyncScope();
        var rows = await check.ServiceProvider.GetRequiredService<AppDbContext>().Database
            .SqlQueryRaw<int>("SELECT count(*) AS \"Value\" FROM write_queue_probe WHERE n BETWEEN 1 AND 6").SingleAsync();
        rows.ShouldBeGreaterThanOrEqualTo(6);
    }

    [Fact]
    public async Task A_write_transaction_disposed_unfinished_gives_up_its_turn()
    {
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var abandoned = await db.Database.BeginTransactionAsync();
            await abandoned.DisposeAsync();
        }

        // Had the turn not been given back, this would wait the queue's longest wait (15 s) before going ahead.
        var started = System.Diagnostics.Stopwatch.StartNew();
        await using var next = factory.Services.CreateAsyncScope();
        var nextDb = next.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var transaction = await nextDb.Database.BeginTransactionAsync();
        await transaction.CommitAsync();
        started.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
    }
}
