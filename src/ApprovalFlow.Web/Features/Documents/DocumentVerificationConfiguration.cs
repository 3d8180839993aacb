using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ApprovalFlow.Web.Features.Documents;

public sealed class DocumentVerificationConfiguration : IEntityTypeConfiguration<DocumentVerification>
{
    public void Configure(EntityTypeBuilder<DocumentVerification> e)
    {
        e.ToTable("document_verifications");
        e.HasKey(x => x.Code);
        e.Property(x => x.Code).HasMaxLength(DocumentVerification.CodeLength);
        // One code per document: the same step history entry gives the same document of a kind.
        e.HasIndex(x => new { x.StepId, x.Kind, x.ChangeId }).IsUnique();
        e.HasIndex(x => x.CaseId);
    }
}
