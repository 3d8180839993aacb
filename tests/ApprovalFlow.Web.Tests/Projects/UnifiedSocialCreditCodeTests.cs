using ApprovalFlow.Web.Features.Enterprises;

namespace ApprovalFlow.Web.Tests.Projects;

public sealed class UnifiedSocialCreditCodeTests
{
    [Theory]
    [InlineData("914403001922038216")]
    [InlineData("91110000100017643K")]
    [InlineData("91131102MA0A1B2C3A")]
    public void Codes_with_a_correct_check_character_are_accepted(string text)
    {
        UnifiedSocialCreditCode.TryNormalise(text, out var code, out var error).ShouldBeTrue(error);

        code.ShouldBe(text);
    }

    [Fact]
    public void Lower_case_full_width_and_spaces_around_are_normalised()
    {
        UnifiedSocialCreditCode.TryNormalise(" 91110000100017643k ", out var code, out var error).ShouldBeTrue(error);
        code.ShouldBe("91110000100017643K");

        UnifiedSocialCreditCode.TryNormalise("９１１１００００１０００１７６４３Ｋ", out code, out error).ShouldBeTrue(error);
        code.ShouldBe("91110000100017643K");
    }

    [Fact]
    public void The_standards_own_counter_example_fails_its_check_character()
    {
        // The worked example published with GB 32100-2015: the check character of 91350100M000100Y4 is 3.
        UnifiedSocialCreditCode.CheckCharacter("91350100M000100Y4").ShouldBe('3');

        UnifiedSocialCreditCode.TryNormalise("91350100M000100Y43", out _, out var valid).ShouldBeTrue(valid);
        UnifiedSocialCreditCode.TryNormalise("91350100M000100Y4A", out _, out var error).ShouldBeFalse();
        error.ShouldContain("校验码");
        // Z never occurs in a credit code, so the example's own "Z" is refused before the check.
        UnifiedSocialCreditCode.TryNormalise("91350100M000100Y4Z", out _, out error).ShouldBeFalse();
        error.ShouldContain("第 18 位的“Z”不会出现");
    }

    [Theory]
    [InlineData("91110000100017643", "为 18 位；所填代码为 17 位")]
    [InlineData("91110000I00017643K", "第 9 位的“I”不会出现")]
    [InlineData("9111000O100017643K", "第 8 位的“O”不会出现")]
    [InlineData("9111A000100017643K", "第 5 位的“A”不是数字")]
    [InlineData("", "请填写统一社会信用代码")]
    public void A_malformed_code_is_refused_naming_what_is_wrong(string text, string expected)
    {
        UnifiedSocialCreditCode.TryNormalise(text, out var code, out var error).ShouldBeFalse();

        code.ShouldBeNull();
        error.ShouldContain(expected);
    }
}
