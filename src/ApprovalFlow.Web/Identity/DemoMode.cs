using ApprovalFlow.Web.Data;

namespace ApprovalFlow.Web.Identity;

/// <summary>
/// Whether this start seeds the demo accounts (published password <see cref="DemoAccount.Password"/>) and the demo data.
/// By default only the README's embedded demo does: <c>dotnet run</c> (the Development environment of launchSettings) on
/// the default SQLite database. Anything else (another environment such as Production, or PostgreSQL or SQL Server)
/// seeds neither unless switched on explicitly: <c>ApprovalFlow:DemoAccounts</c> true, and for the data also
/// <c>ApprovalFlow:DemoData</c> true (the demo data acts through the demo accounts, so it needs them).
/// </summary>
public sealed class DemoMode(DatabaseSettings database, IHostEnvironment environment, IConfiguration configuration)
{
    public const string AccountsSetting = "ApprovalFlow:DemoAccounts";
    public const string DataSetting = "ApprovalFlow:DemoData";

    /// <summary>The README's demo: Development on the embedded SQLite database.</summary>
    public bool IsEmbeddedDemo => database.IsEmbedded && environment.IsDevelopment();

    public bool SeedsAccounts => configuration.GetValue<bool?>(AccountsSetting) ?? IsEmbeddedDemo;

    public bool SeedsData => SeedsAccounts && (configuration.GetValue<bool?>(DataSetting) ?? IsEmbeddedDemo);
}
