using ApprovalFlow.Web.Features.Projects;

namespace ApprovalFlow.Web.Tests.Projects;

public sealed class ProjectCodeTests
{
    /// <summary>GB/T 40058-2021 codes quoted in public bidding notices (see docs/project-code.md): real check digits.</summary>
    public static TheoryData<string> PublishedCodes =>
    [
        "2603-141124-89-05-346948",
        "2411-130202-89-01-637015",
        "2111-522323-04-01-342068",
        "2509-140602-89-05-864976",
        "2602-411102-04-04-398932",
    ];

    [Theory]
    [MemberData(nameof(PublishedCodes))]
    public void Published_gbt40058_codes_are_accepted_with_their_check_digit(string published)
    {
        ProjectCode.TryParse(published, out var code, out var error).ShouldBeTrue(error);

        code.Value.ShouldBe(published);
        code.Format.ShouldBe(ProjectCodeFormat.Gbt40058);
    }

    [Theory]
    [MemberData(nameof(PublishedCodes))]
    public void Changing_the_last_digit_of_a_published_code_fails_its_check(string published)
    {
        var wrong = published[..^1] + (char)('0' + (published[^1] - '0' + 1) % 10);

        ProjectCode.TryParse(wrong, out var code, out var error).ShouldBeFalse();

        code.ShouldBeNull();
        error.ShouldContain("校验位");
    }

    [Theory]
    [InlineData("2011-131102-04-01-123451")]
    [InlineData("2012-131182-89-01-000014")]
    public void Codes_of_november_and_december_2020_are_the_new_form_not_older_years(string text)
    {
        ProjectCode.TryParse(text, out var code, out var error).ShouldBeTrue(error);

        code.Format.ShouldBe(ProjectCodeFormat.Gbt40058);
    }

    [Fact]
    public void Swapping_two_digits_is_caught_by_the_check_digit()
    {
        ProjectCode.TryParse("2011-131102-04-01-213451", out _, out var error).ShouldBeFalse();

        error.ShouldContain("校验位");
    }

    [Fact]
    public void Twenty_plain_digits_are_accepted_and_written_with_hyphens()
    {
        ProjectCode.TryParse("20111311020401123451", out var code, out var error).ShouldBeTrue(error);

        code.Value.ShouldBe("2011-131102-04-01-123451");
        code.Value.Length.ShouldBe(ProjectCode.Length);
    }

    [Fact]
    public void Full_width_digits_dashes_and_surrounding_spaces_from_an_input_method_are_normalised()
    {
        ProjectCode.TryParse("  ２０１１－１３１１０２—04-01-123451 ", out var code, out var error).ShouldBeTrue(error);

        code.Value.ShouldBe("2011-131102-04-01-123451");
    }

    [Theory]
    [InlineData("2017-440607-70-03-006747", "2017-440607-70-03-006747")]
    [InlineData("2020-451421-88-03-016343", "2020-451421-88-03-016343")]
    [InlineData("20203303274801167360", "2020-330327-48-01-167360")]
    [InlineData("2015-131102-04-01-000001", "2015-131102-04-01-000001")]
    public void Older_codes_are_accepted_without_a_check_digit(string text, string canonical)
    {
        ProjectCode.TryParse(text, out var code, out var error).ShouldBeTrue(error);

        code.Value.ShouldBe(canonical);
        code.Format.ShouldBe(ProjectCodeFormat.Legacy);
        code.RegionCode.ShouldBe(canonical.Substring(5, 6));
    }

    [Theory]
    [InlineData("2113-131102-04-01-123451", "不存在 13 月")]
    [InlineData("2100-131102-04-01-123451", "不存在 00 月")]
    [InlineData("2035-131102-04-01-123451", "不存在 35 月")]
    [InlineData("1912-131102-04-01-123451", "不是有效时间")]
    public void A_time_that_is_no_month_is_refused_naming_the_time(string text, string expected)
    {
        ProjectCode.TryParse(text, out _, out var error).ShouldBeFalse();

        error.ShouldContain(expected);
    }

    [Theory]
    [InlineData("2011-13110A-04-01-123451", "第 11 位的“A”是字母")]
    [InlineData("2011-131102-O4-01-123451", "第 13 位的“O”是字母")]
    [InlineData("2011/131102/04/01/123451", "第 5 位的“/”不允许使用")]
    [InlineData("2011-131102-04-01-12345X", "第 24 位的“X”是字母")]
    public void Letters_or_other_signs_where_digits_belong_are_refused_naming_the_position(string text, string expected)
    {
        ProjectCode.TryParse(text, out _, out var error).ShouldBeFalse();

        error.ShouldContain(expected);
    }

    [Theory]
    [InlineData("2011-131102-04-01-12345", "各组位数为 4、6、2、2、5")]
    [InlineData("2011-131102-0401-123451", "各组位数为 4、6、4、6")]
    [InlineData("2011131102-04-01-123451", "各组位数为 10、2、2、6")]
    [InlineData("201113110204011234510", "所填代码为 21 位")]
    [InlineData("2011131102", "所填代码为 10 位")]
    public void A_wrong_length_or_grouping_is_refused_saying_what_a_code_looks_like(string text, string expected)
    {
        ProjectCode.TryParse(text, out _, out var error).ShouldBeFalse();

        error.ShouldContain(expected);
        error.ShouldContain(ProjectCode.Example);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_code_is_refused_asking_for_it(string? text)
    {
        ProjectCode.TryParse(text, out _, out var error).ShouldBeFalse();

        error.ShouldStartWith("请填写项目代码");
    }

    [Fact]
    public void The_example_in_every_message_is_itself_a_valid_code()
    {
        ProjectCode.TryParse(ProjectCode.Example, out var code, out var error).ShouldBeTrue(error);

        code.Format.ShouldBe(ProjectCodeFormat.Gbt40058);
    }

    [Theory]
    [InlineData("0794", 5)]
    [InlineData("000000000", 6)]
    [InlineData("2603141124890534694", 8)]
    public void The_check_digit_is_iso_7064_mod_11_10(string digits, int expected)
    {
        // 0794 by hand: P starts at 10; for each digit S = (P + digit) mod 10, read 0 as 10, and P = 2S mod 11,
        // giving P = 9, 1, 9, 6; the check digit makes (P + check) mod 10 equal 1, so it is 5.
        ProjectCodeCheckDigit.Iso7064Mod11Radix10(digits).ShouldBe(expected);
    }

    [Fact]
    public void A_stored_code_is_read_back_in_its_format_without_being_judged_again()
    {
        ProjectCode.FromStored("2011-131102-04-01-123451").Format.ShouldBe(ProjectCodeFormat.Gbt40058);
        ProjectCode.FromStored("2017-440607-70-03-006747").Format.ShouldBe(ProjectCodeFormat.Legacy);
        ProjectCode.FromStored("2011-131102-04-01-123451").ShouldBe(ProjectCode.Parse("20111311020401123451"));
        // A value shorter than a year and month (a message's business key compared with project codes) is read, not thrown on.
        ProjectCode.FromStored("20").Value.ShouldBe("20");
    }
}
