using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ApprovalFlow.Web.Data;

/// <summary>
/// Makes SQLite wait for a competing writer (a web request, a Hangfire worker) instead of failing
/// at once with "database is locked".
/// </summary>
public sealed class SqliteBusyTimeout(TimeSpan timeout) : DbConnectionInterceptor
{
    private string Pragma => $"PRAGMA busy_timeout = {(int)timeout.TotalMilliseconds};";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(
        DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
