using System.Net;
using System.Net.Mail;
using System.Text;
using Microsoft.Extensions.Options;

namespace ApprovalFlow.Web.Features.Notifications;

/// <summary>Sends one outbox message by SMTP (System.Net.Mail), UTF-8 throughout for the Chinese text.</summary>
public sealed class SmtpMailer(IOptions<SmtpOptions> options)
{
    public bool IsConfigured => options.Value.IsConfigured;

    public async Task SendAsync(OutboxMessage message, CancellationToken ct)
    {
        var smtp = options.Value;
        using var client = new SmtpClient(smtp.Host, smtp.Port)
        {
            EnableSsl = smtp.EnableSsl,
            Timeout = (int)TimeSpan.FromSeconds(Math.Max(1, smtp.TimeoutSeconds)).TotalMilliseconds,
            DeliveryMethod = SmtpDeliveryMethod.Network,
        };
        if (!string.IsNullOrEmpty(smtp.UserName)) client.Credentials = new NetworkCredential(smtp.UserName, smtp.Password);
        using var mail = new MailMessage(smtp.From, message.Recipient, message.Subject, message.Body)
        {
            SubjectEncoding = Encoding.UTF8,
            BodyEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
        };
        await client.SendMailAsync(mail, ct);
    }
}
