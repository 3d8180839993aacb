using System.Net;
using System.Text.RegularExpressions;
using ApprovalFlow.Web.Identity;

namespace ApprovalFlow.Web.Tests.Infrastructure;

/// <summary>Signs a cookie-keeping client in through the UI's static sign-in form, as a browser does.</summary>
public static partial class BrowserSignIn
{
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient browser, string email, string password = DemoAccount.Password,
        string? returnUrl = null)
    {
        var url = "/account/login" + (returnUrl is null ? "" : $"?returnUrl={Uri.EscapeDataString(returnUrl)}");
        var page = await browser.GetStringAsync(url);
        var token = TokenOf(page);
        token.ShouldNotBeNullOrEmpty();
        return await browser.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "login",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
    }

    /// <summary>The antiforgery token of a page's form.</summary>
    public static string TokenOf(string page) => WebUtility.HtmlDecode(TokenPattern().Match(page).Groups[1].Value);

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
