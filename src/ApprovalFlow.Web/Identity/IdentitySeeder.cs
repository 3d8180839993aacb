using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Features.Enterprises;
using Microsoft.AspNetCore.Identity;

namespace ApprovalFlow.Web.Identity;

/// <summary>Creates the roles, and in the embedded default or Development the demo accounts.</summary>
public sealed class IdentitySeeder(
    RoleManager<IdentityRole> roleManager,
    UserManager<AppUser> userManager,
    AppDbContext db,
    DatabaseSettings database,
    IHostEnvironment environment,
    ILogger<IdentitySeeder> logger)
{
    public async Task SeedAsync(CancellationToken ct = default)
    {
        foreach (var role in AppRoles.All)
        {
            if (!await roleManager.RoleExistsAsync(role))
            {
                Check(await roleManager.CreateAsync(new IdentityRole(role)), $"role {role}");
            }
        }

        // A known password is only acceptable where nobody else can reach the data.
        if (!database.IsEmbedded && !environment.IsDevelopment())
        {
            return;
        }

        var created = new List<DemoAccount>();
        foreach (var account in DemoAccount.Seeded)
        {
            ct.ThrowIfCancellationRequested();
            Guid? enterpriseId = account.EnterpriseCreditCode is { } creditCode
                ? await DemoEnterprise.EnsureAsync(db, creditCode, ct)
                : null;
            if (await userManager.FindByEmailAsync(account.Email) is { } existing)
            {
                // An account seeded before enterprises existed gets its enterprise now.
                if (enterpriseId is not null && existing.EnterpriseId is null)
                {
                    existing.EnterpriseId = enterpriseId;
                    Check(await userManager.UpdateAsync(existing), account.Email);
                }
                continue;
            }
            var user = new AppUser
            {
                UserName = account.Email,
                Email = account.Email,
                EmailConfirmed = true,
                Department = account.Department,
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
