using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Data;

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);
