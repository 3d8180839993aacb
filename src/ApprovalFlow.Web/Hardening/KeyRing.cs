using System.Security.Cryptography.X509Certificates;
using ApprovalFlow.Web.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ApprovalFlow.Web.Hardening;

/// <summary>
/// The data-protection key ring (it signs and encrypts sign-in cookies, bearer tokens and antiforgery tokens) lives in
/// the application database, in <c>data_protection_keys</c>, so that a fresh container or a second server reads the same
/// keys and nobody is signed out (docs/operations.md "Keys"). The application name is fixed: by default ASP.NET Core
/// isolates applications by their install path, which differs between servers. When <c>DataProtection:CertificatePath</c>
/// names a PFX file, new keys are encrypted at rest with its certificate; the certificates of
/// <c>DataProtection:PreviousCertificatePaths</c> still decrypt keys written under them, for a certificate change.
/// </summary>
public static class KeyRing
{
    public const string Section = "DataProtection";
    public const string ApplicationName = "ApprovalFlow";

    public static IServiceCollection AddKeyRing(this IServiceCollection services, IConfiguration configuration)
    {
        var builder = services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<AppDbContext>();
        var section = configuration.GetSection(Section);
        if (section["CertificatePath"] is { Length: > 0 } path)
        {
            var current = Load(path, section["CertificatePassword"]);
            builder.ProtectKeysWithCertificate(current);
            var previous = (section.GetSection("PreviousCertificatePaths").Get<string[]>() ?? [])
                .Select(p => Load(p, section["PreviousCertificatePassword"] ?? section["CertificatePassword"]));
            builder.UnprotectKeysWithAnyCertificate([current, .. previous]);
        }
        return services;
    }

    private static X509Certificate2 Load(string path, string? password)
    {
        if (!File.Exists(path))
        {
            // Stops the start with the setting's name rather than signing everyone out with keys nobody can read.
            throw new InvalidOperationException($"{Section}:CertificatePath: no certificate file at '{path}'.");
        }
        return X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
    }
}

public sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> e)
    {
        e.ToTable("data_protection_keys");
        e.Property(k => k.FriendlyName).HasMaxLength(200);
    }
}
