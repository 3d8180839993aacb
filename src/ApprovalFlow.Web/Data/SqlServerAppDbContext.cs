using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Data;

public sealed class SqlServerAppDbContext(DbContextOptions<SqlServerAppDbContext> options) : AppDbContext(options);
