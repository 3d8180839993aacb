using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Enterprises;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ApprovalFlow.Web.Identity;

/// <summary>
/// Creates the roles; the first administrator from <c>ApprovalFlow:InitialAdmin:Email</c> and <c>:Password</c> when no
/// administrator exists (the password must be changed at the first sign-in); and, where <see cref="DemoMode"/> allows, the
/// demo accounts on a database that has no account yet (so a deleted demo account does not come back at the next start).
/// </summary>
public sealed class IdentitySeeder(
    RoleManager<IdentityRole> roleManager,
    UserManager<AppUser> userManager,
    AppDbContext db,
    DemoMode demo,
    IConfiguration configuration,
    ILogger<IdentitySeeder> logger)
{
    public const string InitialAdminEmailSetting = "ApprovalFlow:InitialAdmin:Email";
    public const string InitialAdminPasswordSetting = "ApprovalFlow:InitialAdmin:Password";

    public async Task SeedAsync(CancellationToken ct = default)
    {
        foreach (var role in AppRoles.All)
        {
            if (!await roleManager.RoleExistsAsync(role))
            {
                Check(await roleManager.CreateAsync(new IdentityRole(role)), $"role {role}");
            }
        }

        var firstStart = !await db.Users.AnyAsync(ct);
        await SeedInitialAdministratorAsync();
        if (demo.SeedsAccounts && firstStart)
        {
            await SeedDemoAccountsAsync(ct);
        }
        if ((await userManager.GetUsersInRoleAsync(AppRoles.Administrator)).Count == 0)
        {
            logger.LogWarning(
                "No administrator account exists. Set {EmailSetting} and {PasswordSetting} (a password of at least {Length} characters with "
                + "upper and lower case, a digit and a symbol) and restart: the account is created and must change its password at the first sign-in",
                InitialAdminEmailSetting, InitialAdminPasswordSetting, IdentityRegistration.PasswordLength);
        }
    }

    private async Task SeedInitialAdministratorAsync()
    {
        var email = configuration[InitialAdminEmailSetting]?.Trim();
        var password = configuration[InitialAdminPasswordSetting];
        if (string.IsNullOrEmpty(email) || string.IsNullOrEmpty(password)) return;
        if ((await userManager.GetUsersInRoleAsync(AppRoles.Administrator)).Count > 0)
        {
            logger.LogInformation("{Setting} is ignored: an administrator exists already; remove the initial password from the configuration",
                InitialAdminEmailSetting);
            return;
        }

        var user = await userManager.FindByEmailAsync(email);
        if (user is null)
        {
            user = new AppUser { UserName = email, Email = email, EmailConfirmed = true };
            var created = await userManager.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                // The start stops here: an operator must give a password the sign-in rules accept.
                throw new InvalidOperationException(
                    $"The initial administrator {email} from {InitialAdminEmailSetting} was not created: "
                    + string.Join(" ", created.Errors.Select(e => $"{e.Code}: {e.Description}")));
            }
        }
        Check(await userManager.AddToRoleAsync(user, AppRoles.Administrator), $"{email} in {AppRoles.Administrator}");
        Check(await userManager.AddClaimAsync(user, AccountState.MustChangePassword()), $"{email} must change the password");
        logger.LogWarning(
            "Created the initial administrator {Email} from the configuration; the password must be changed at the first sign-in. "
            + "Remove {PasswordSetting} from the configuration now", email, InitialAdminPasswordSetting);
    }

    private async Task SeedDemoAccountsAsync(CancellationToken ct)
    {
        var created = new List<DemoAccount>();
        foreach (var account in DemoAccount.Seeded)
        {
            ct.ThrowIfCancellationRequested();
            if (await userManager.FindByEmailAsync(account.Email) is not null) continue;
            Guid? enterpriseId = account.EnterpriseCreditCode is { } creditCode
                ? await DemoEnterprise.EnsureAsync(db, creditCode, ct)
                : null;
            var user = new AppUser
            {
                UserName = account.Email,
                Email = account.Email,
                EmailConfirmed = true,
                Department = account.Department,
                County = account.County,
                EnterpriseId = enterpriseId,
            };
            Check(await userManager.CreateAsync(user, DemoAccount.Password), account.Email);
            Check(await userManager.AddToRolesAsync(user, account.Roles), $"{account.Email} in {string.Join(", ", account.Roles)}");
            created.Add(account);
        }

        if (created.Count > 0)
        {
            logger.LogWarning(
                "Seeded demo accounts with the password {Password}; these are demo credentials: change or remove them before real use: {Accounts}",
                DemoAccount.Password,
                string.Join(", ", created.Select(a => $"{a.Email} ({a.Role})")));
        }
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Seeding {what} failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
