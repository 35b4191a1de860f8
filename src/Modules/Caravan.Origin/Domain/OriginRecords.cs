namespace Caravan.Origin.Domain;

/// <summary>
/// An issuing body (chamber of commerce, trade promotion body) as the trust list knows it. Its DID is fixed when it is
/// registered: it is inside every credential it signs, so a change of host name must not change it.
/// </summary>
internal sealed class IssuingBody
{
    public Guid Id { get; set; }

    public string Slug { get; set; } = string.Empty;

    public string Did { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string Country { get; set; } = string.Empty;

    public bool Trusted { get; set; }

    public DateTimeOffset TrustedFrom { get; set; }

    public DateTimeOffset? TrustedUntil { get; set; }

    /// <summary>The next free position in its status lists (one position per certificate, the same in both lists).</summary>
    public int NextStatusIndex { get; set; }

    public DateTimeOffset RegisteredAt { get; set; }
}

/// <summary>
/// A P-256 key pair of an issuing body. The private half is kept encrypted with the platform's data protection keys
/// (a key ring on disk, outside the database) and never leaves the platform.
/// </summary>
internal sealed class SigningKey
{
    /// <summary>The issuer's DID and a fragment: did:web:…#k-20261130-3f9a.</summary>
    public string Kid { get; set; } = string.Empty;

    public Guid IssuerId { get; set; }

    public string X { get; set; } = string.Empty;

    public string Y { get; set; } = string.Empty;

    public string ProtectedPrivateKey { get; set; } = string.Empty;

    public DateTimeOffset ActiveFrom { get; set; }

    public DateTimeOffset? RetiredAt { get; set; }

    public DateTimeOffset? RevokedFrom { get; set; }

    public string? RevocationReason { get; set; }
}

internal static class ApplicationStates
{
    public const string Submitted = "submitted";
    public const string CorrectionsRequested = "corrections-requested";
    public const string Issued = "issued";
    public const string Rejected = "rejected";
}

internal sealed class CertificateApplication
{
    public Guid Id { get; set; }

    public string Number { get; set; } = string.Empty;

    public Guid IssuerId { get; set; }

    public Guid ExporterOrganisation { get; set; }

    public Guid? ConsignmentId { get; set; }

    /// <summary>The consignment's reference as the exporter saw it when applying; written into the certificate.</summary>
    public string? ConsignmentReference { get; set; }

    public string State { get; set; } = ApplicationStates.Submitted;

    /// <summary>The application as last submitted (<c>CertificateApplicationRequest</c> as JSON).</summary>
    public string Content { get; set; } = string.Empty;

    public int Version { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public Guid? CertificateId { get; set; }

    public List<ApplicationStep> Steps { get; set; } = [];
}

internal sealed class ApplicationStep
{
    public Guid Id { get; set; }

    public Guid ApplicationId { get; set; }

    public DateTimeOffset At { get; set; }

    public string By { get; set; } = string.Empty;

    /// <summary>submitted, resubmitted, corrections-requested, approved, rejected.</summary>
    public string Action { get; set; } = string.Empty;

    public string? Reason { get; set; }
}

internal static class CertificateStatuses
{
    public const string Active = "active";
    public const string Suspended = "suspended";
    public const string Revoked = "revoked";
}

internal sealed class Certificate
{
    public Guid Id { get; set; }

    public string Number { get; set; } = string.Empty;

    public Guid ApplicationId { get; set; }

    public Guid IssuerId { get; set; }

    public Guid ExporterOrganisation { get; set; }

    public string ImportingCountry { get; set; } = string.Empty;

    public Guid? ConsignmentId { get; set; }

    public string Kid { get; set; } = string.Empty;

    /// <summary>The compact JWS exactly as issued.</summary>
    public string Token { get; set; } = string.Empty;

    public DateTimeOffset IssuedAt { get; set; }

    public DateTimeOffset ValidFrom { get; set; }

    public DateTimeOffset ValidUntil { get; set; }

    public int StatusIndex { get; set; }

    public string Status { get; set; } = CertificateStatuses.Active;

    public string? StatusReason { get; set; }

    public DateTimeOffset StatusSince { get; set; }
}

internal sealed class CertificateStatusChange
{
    public Guid Id { get; set; }

    public Guid CertificateId { get; set; }

    public DateTimeOffset At { get; set; }

    public string By { get; set; } = string.Empty;

    public string From { get; set; } = string.Empty;

    public string To { get; set; } = string.Empty;

    public string? Reason { get; set; }
}

internal static class StatusPurposes
{
    public const string Revocation = "revocation";
    public const string Suspension = "suspension";

    public static readonly IReadOnlyList<string> All = [Revocation, Suspension];
}

/// <summary>
/// One issuer's W3C Bitstring Status List for one purpose: the bits, and the signed status list credential last
/// published from them (re-signed in the transaction that flips a bit, so the published list is never behind).
/// </summary>
internal sealed class StatusList
{
    public Guid IssuerId { get; set; }

    public string Purpose { get; set; } = string.Empty;

    public byte[] Bits { get; set; } = [];

    /// <summary>Optimistic concurrency: two status changes of one issuer at once must not lose either bit.</summary>
    public int Revision { get; set; }

    public string Token { get; set; } = string.Empty;

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A verification of an attached certificate made for a customs control, as the officer saw it.</summary>
internal sealed class ControlVerification
{
    public Guid Id { get; set; }

    public Guid CertificateId { get; set; }

    public Guid ConsignmentId { get; set; }

    public Guid ControlId { get; set; }

    public string Country { get; set; } = string.Empty;

    public DateTimeOffset At { get; set; }

    public string By { get; set; } = string.Empty;

    public string Verdict { get; set; } = string.Empty;

    /// <summary>The whole <c>VerificationResult</c> as JSON.</summary>
    public string Result { get; set; } = string.Empty;
}
