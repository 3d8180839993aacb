namespace ApprovalFlow.Web.Features.Notifications;

/// <summary>Configuration section <c>Smtp</c>: e-mail is sent only when <see cref="Host"/> is set.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public bool EnableSsl { get; set; }
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "approvalflow@localhost";
    public int TimeoutSeconds { get; set; } = 30;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
