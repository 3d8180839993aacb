using ApprovalFlow.Web.Data;
using ApprovalFlow.Web.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalFlow.Web.Tests.Infrastructure;

public static class Accounts
{
    /// <summary>
    /// Makes sure the account exists (servers outside the embedded default seed none) and logs it in.
    /// </summary>
    public static async Task<HttpClient> ClientForAsync(this WebApplicationFactory<Program> factory, DemoAccount account)
    {
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            if (await users.FindByEmailAsync(account.Email) is null)
            {
                var user = new AppUser { UserName = account.Email, Email = account.Email, EmailConfirmed = true, Department = account.Department };
                (await users.CreateAsync(user, DemoAccount.Password)).Succeeded.ShouldBeTrue();
                (await users.AddToRoleAsync(user, account.Role)).Succeeded.ShouldBeTrue();
            }
        }
        return await factory.LoginAsync(account.Email);
    }

    public static DemoAccount Admin => DemoAccount.All.Single(a => a.Role == AppRoles.Administrator);
    public static DemoAccount Officer => DemoAccount.All.Single(a => a.Role == AppRoles.Officer);
    public static DemoAccount Enterprise => DemoAccount.All.Single(a => a.Role == AppRoles.Enterprise);
}
