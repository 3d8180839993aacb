using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ApprovalFlow.Web.Tests.Infrastructure;

namespace ApprovalFlow.Web.Tests.Errors;

/// <summary>
/// Every text a user can see, refusals included, is in Chinese by default and in English when the request chose it
/// (issue 16). The scan keeps a new English-only refusal out of the code; the requests check what a client reads.
/// </summary>
public sealed class RefusalsInChineseTests(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    /// <summary>The cookie the UI's language switch sets for English (CookieRequestCultureProvider).</summary>
    private const string EnglishCookie = ".AspNetCore.Culture=c%3Den%7Cuic%3Den";

    private static readonly Regex Ideograph = new(@"\p{IsCJKUnifiedIdeographs}", RegexOptions.Compiled);

    /// <summary>A literal that is a key rather than a sentence: a field, a rule or a format name.</summary>
    private static readonly Regex KeyLike = new(@"^""[A-Za-z][A-Za-z0-9_.\-]*""$", RegexOptions.Compiled);

    /// <summary>Where a refusal's text is written: each match ends at the bracket that opens the arguments.</summary>
    private static readonly Regex RefusalStart = new(
        @"RefusedException\.(Invalid|Conflict|NotFound|Forbidden|Refused)\(|new RefusedException\(|new Refusal\(|\bRefuse\("
        + @"|Results\.(Problem|ValidationProblem)\(|new CalendarRuleException\(|\berrors\[[^\]\r\n]+\]\s*=\s*\[",
        RegexOptions.Compiled);

    [Fact]
    public void No_refusal_in_src_is_an_english_only_literal()
    {
        var root = Path.Combine(ReferenceSets.RepositoryRoot(), "src", "ApprovalFlow.Web");
        var files = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        files.Count.ShouldBeGreaterThan(100);

        var calls = 0;
        var offending = new List<string>();
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            foreach (Match start in RefusalStart.Matches(text))
            {
                calls++;
                var open = start.Index + start.Length - 1;
                var arguments = text[(open + 1)..Close(text, open)];
                foreach (var literal in EnglishOnlyLiterals(arguments))
                {
                    var line = text[..start.Index].Count(c => c == '\n') + 1;
                    offending.Add($"{Path.GetRelativePath(root, file)}:{line}: {literal}");
                }
            }
        }

        calls.ShouldBeGreaterThan(200, "the scan finds the refusals");
        offending.ShouldBeEmpty("write each refusal as L.T(\"中文\", \"English\")");
    }

    [Fact]
    public void The_scan_finds_an_english_only_refusal_and_passes_a_bilingual_one()
    {
        EnglishOnlyLiterals("\"name\", \"Give the name.\")").ShouldBe(["\"Give the name.\""]);
        EnglishOnlyLiterals("$\"Task {id} ({string.Join(\", \", names)}) is not open.\")").Count.ShouldBe(1);
        EnglishOnlyLiterals("L.T($\"任务“{name}”未开始。\", $\"Task {id} ({string.Join(\", \", names)}) is not open.\"))").ShouldBeEmpty();
        EnglishOnlyLiterals("\"toleratedGap.missingMaterials\", L.T(\"请列明所缺材料。\", \"Name the missing materials.\"))").ShouldBeEmpty();
        EnglishOnlyLiterals("string.Join(\" \", result.Errors.Select(e => e.Description)))").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_bad_field_is_answered_in_chinese_by_default_and_in_english_when_chosen()
    {
        var officer = await app.ClientForAsync(Accounts.Officer);

        var zh = await ProblemAsync(await officer.GetAsync("/api/cases?page=0"), HttpStatusCode.BadRequest);
        zh["title"]!.GetValue<string>().ShouldBe("提交的内容有误");
        zh["errors"]!["page"]![0]!.GetValue<string>().ShouldBe("页码从 1 开始。");
        ShouldBeChinese(zh);

        var en = await ProblemAsync(await SendAsync(officer, HttpMethod.Get, "/api/cases?page=0", english: true), HttpStatusCode.BadRequest);
        en["title"]!.GetValue<string>().ShouldBe("One or more fields are invalid");
        en["errors"]!["page"]![0]!.GetValue<string>().ShouldBe("Pages are numbered from 1.");
        ShouldBeEnglish(en);
    }

    [Fact]
    public async Task Something_missing_is_answered_in_chinese_by_default_and_in_english_when_chosen()
    {
        var officer = await app.ClientForAsync(Accounts.Officer);
        var missing = $"/api/projects/{Guid.NewGuid()}";

        var zh = await ProblemAsync(await officer.GetAsync(missing), HttpStatusCode.NotFound);
        zh["title"]!.GetValue<string>().ShouldBe("未找到");
        zh["detail"]!.GetValue<string>().ShouldBe("该项目不存在。");
        ShouldBeChinese(zh);

        var en = await ProblemAsync(await SendAsync(officer, HttpMethod.Get, missing, english: true), HttpStatusCode.NotFound);
        en["title"]!.GetValue<string>().ShouldBe("Not found");
        en["detail"]!.GetValue<string>().ShouldStartWith("Project ");
        ShouldBeEnglish(en);
    }

    [Fact]
    public async Task A_refused_rule_is_answered_in_chinese_by_default_and_in_english_when_chosen()
    {
        var admin = await app.ClientForAsync(Accounts.Admin);
        var taken = new { code = "natural-resources", name = "自然资源和规划", nameEn = "Natural resources and planning" };

        var zh = await ProblemAsync(await admin.PostAsJsonAsync("/api/admin/departments", taken), HttpStatusCode.Conflict);
        zh["title"]!.GetValue<string>().ShouldBe("无法办理");
        zh["detail"]!.GetValue<string>().ShouldContain("已由“自然资源和规划”使用");
        ShouldBeChinese(zh);

        var en = await ProblemAsync(await SendAsync(admin, HttpMethod.Post, "/api/admin/departments", english: true, body: taken),
            HttpStatusCode.Conflict);
        en["title"]!.GetValue<string>().ShouldBe("Conflict");
        en["detail"]!.GetValue<string>().ShouldContain("exists already");
        ShouldBeEnglish(en);
    }

    [Fact]
    public async Task A_route_the_framework_refuses_has_a_chinese_title_by_default()
    {
        var officer = await app.ClientForAsync(Accounts.Officer);

        var zh = await ProblemAsync(await officer.GetAsync("/api/calendar/1800"), HttpStatusCode.BadRequest);
        zh["title"]!.GetValue<string>().ShouldBe("提交的内容有误");

        var en = await ProblemAsync(await SendAsync(officer, HttpMethod.Get, "/api/calendar/1800", english: true), HttpStatusCode.BadRequest);
        en["title"]!.GetValue<string>().ShouldBe("One or more validation errors occurred.");
        Ideograph.IsMatch(en["errors"]!.ToJsonString()).ShouldBeFalse();
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string uri, bool english, object? body = null)
    {
        using var request = new HttpRequestMessage(method, uri);
        if (english) request.Headers.Add("Cookie", EnglishCookie);
        if (body is not null) request.Content = JsonContent.Create(body);
        return await client.SendAsync(request);
    }

    private static async Task<JsonObject> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, text);
        return JsonNode.Parse(text)!.AsObject();
    }

    private static void ShouldBeChinese(JsonObject problem)
    {
        Ideograph.IsMatch(problem["title"]!.GetValue<string>()).ShouldBeTrue(problem.ToJsonString());
        Ideograph.IsMatch(problem["detail"]!.GetValue<string>()).ShouldBeTrue(problem.ToJsonString());
    }

    private static void ShouldBeEnglish(JsonObject problem)
    {
        Ideograph.IsMatch(problem["title"]!.GetValue<string>()).ShouldBeFalse(problem.ToJsonString());
        Ideograph.IsMatch(problem["detail"]!.GetValue<string>()).ShouldBeFalse(problem.ToJsonString());
    }

    /// <summary>
    /// The string literals among a refusal's arguments, outside any <c>L.T(…)</c>, that hold words but no Chinese
    /// character: a sentence only an English reader understands. Keys (field and rule names) and separators pass.
    /// </summary>
    private static List<string> EnglishOnlyLiterals(string arguments)
    {
        var found = new List<string>();
        for (var i = 0; i < arguments.Length;)
        {
            if (IsCallOf(arguments, i, "L.T(") || IsCallOf(arguments, i, "StatusText.Pair("))
            {
                i = Close(arguments, arguments.IndexOf('(', i)) + 1;
            }
            else if (IsStringStart(arguments, i))
            {
                var end = StringEnd(arguments, i);
                var literal = arguments[i..end];
                var words = Regex.Replace(literal, @"\{[^{}]*\}", "");
                if (!Ideograph.IsMatch(literal) && Regex.IsMatch(words, "[A-Za-z]{2,}") && !KeyLike.IsMatch(literal))
                    found.Add(literal);
                i = end;
            }
            else if (arguments[i] == '\'')
            {
                i = CharEnd(arguments, i);
            }
            else
            {
                i++;
            }
        }
        return found;
    }

    private static bool IsCallOf(string text, int i, string call) =>
        string.CompareOrdinal(text, i, call, 0, call.Length) == 0 && (i == 0 || !char.IsLetterOrDigit(text[i - 1]));

    private static bool IsStringStart(string text, int i) =>
        text[i] == '"' || (text[i] is '$' or '@' && i + 1 < text.Length && text[i + 1] is '"' or '$' or '@');

    /// <summary>The index after the bracket that closes the one at <paramref name="open"/>, skipping strings.</summary>
    private static int Close(string text, int open)
    {
        var (opening, closing) = text[open] == '[' ? ('[', ']') : ('(', ')');
        var depth = 0;
        for (var i = open; i < text.Length;)
        {
            if (IsStringStart(text, i)) { i = StringEnd(text, i); continue; }
            if (text[i] == '\'') { i = CharEnd(text, i); continue; }
            if (text[i] == opening) depth++;
            else if (text[i] == closing && --depth == 0) return i;
            i++;
        }
        return text.Length;
    }

    private static int CharEnd(string text, int i)
    {
        var end = text.IndexOf('\'', i + (i + 1 < text.Length && text[i + 1] == '\\' ? 3 : 2));
        return end < 0 ? text.Length : end + 1;
    }

    /// <summary>The index after the string literal that starts at <paramref name="i"/>: regular, verbatim or interpolated.</summary>
    private static int StringEnd(string text, int i)
    {
        bool interpolated = false, verbatim = false;
        while (text[i] is '$' or '@')
        {
            if (text[i] == '$') interpolated = true; else verbatim = true;
            i++;
        }
        i++;
        var depth = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (depth == 0)
            {
                if (c == '\\' && !verbatim) { i += 2; continue; }
                if (c == '"')
                {
                    if (verbatim && i + 1 < text.Length && text[i + 1] == '"') { i += 2; continue; }
                    return i + 1;
                }
                if (interpolated && c == '{')
                {
                    if (i + 1 < text.Length && text[i + 1] == '{') { i += 2; continue; }
                    depth = 1;
                }
                i++;
            }
            else
            {
                if (IsStringStart(text, i)) { i = StringEnd(text, i); continue; }
                if (c == '\'') { i = CharEnd(text, i); continue; }
                if (c == '{') depth++;
                else if (c == '}') depth--;
                i++;
            }
        }
        return i;
    }
}
