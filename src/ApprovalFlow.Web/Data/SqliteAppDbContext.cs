using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Data;

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options);
