using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ApprovalFlow.Web.Tests.Infrastructure;

/// <summary>The sign-in page as a browser without scripts uses it: GET the form, POST it back with its antiforgery token.</summary>
public static partial class SignInForm
{
    public static HttpClient Browser(WebApplicationFactory<Program> factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static async Task<HttpResponseMessage> PostAsync(HttpClient browser, string email, string password)
    {
        const string url = "/account/login";
        var page = await browser.GetStringAsync(url);
        var token = TokenPattern().Match(page).Groups[1].Value;
        token.ShouldNotBeNullOrEmpty();
        return await browser.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["_handler"] = "login",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
