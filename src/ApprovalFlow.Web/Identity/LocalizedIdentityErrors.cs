using ApprovalFlow.Web.Ui.Shell;
using Microsoft.AspNetCore.Identity;

namespace ApprovalFlow.Web.Identity;

/// <summary>Identity's messages that reach users (password rules, taken e-mail) in the request's language, Chinese by default.</summary>
public sealed class LocalizedIdentityErrors : IdentityErrorDescriber
{
    private static IdentityError Error(IdentityError original, string zh, string en) =>
        new() { Code = original.Code, Description = L.T(zh, en) };

    public override IdentityError PasswordTooShort(int length) =>
        Error(base.PasswordTooShort(length), $"密码至少 {length} 个字符。", $"Passwords must be at least {length} characters.");

    public override IdentityError PasswordRequiresNonAlphanumeric() =>
        Error(base.PasswordRequiresNonAlphanumeric(), "密码须含至少一个符号（非字母数字）。", "Passwords must have at least one symbol (not a letter or digit).");

    public override IdentityError PasswordRequiresDigit() =>
        Error(base.PasswordRequiresDigit(), "密码须含至少一个数字。", "Passwords must have at least one digit ('0'-'9').");

    public override IdentityError PasswordRequiresLower() =>
        Error(base.PasswordRequiresLower(), "密码须含至少一个小写字母。", "Passwords must have at least one lowercase letter ('a'-'z').");

    public override IdentityError PasswordRequiresUpper() =>
        Error(base.PasswordRequiresUpper(), "密码须含至少一个大写字母。", "Passwords must have at least one uppercase letter ('A'-'Z').");

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        Error(base.PasswordRequiresUniqueChars(uniqueChars), $"密码须含至少 {uniqueChars} 个不同的字符。",
            $"Passwords must use at least {uniqueChars} different characters.");

    public override IdentityError PasswordMismatch() =>
        Error(base.PasswordMismatch(), "密码不正确。", "Incorrect password.");

    public override IdentityError DuplicateEmail(string email) =>
        Error(base.DuplicateEmail(email), $"邮箱 {email} 已被使用。", $"Email '{email}' is already taken.");

    public override IdentityError DuplicateUserName(string userName) =>
        Error(base.DuplicateUserName(userName), $"用户名 {userName} 已被使用。", $"Username '{userName}' is already taken.");

    public override IdentityError InvalidEmail(string? email) =>
        Error(base.InvalidEmail(email), $"{email} 不是有效的邮箱地址。", $"Email '{email}' is invalid.");
}
