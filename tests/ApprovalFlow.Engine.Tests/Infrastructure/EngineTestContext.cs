using ApprovalFlow.Engine.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Engine.Tests.Infrastructure;

public sealed class EngineTestContext(DbContextOptions<EngineTestContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => EngineModel.Configure(modelBuilder);
}
