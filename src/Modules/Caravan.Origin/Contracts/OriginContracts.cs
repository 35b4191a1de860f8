using Caravan.Platform.Security;

namespace Caravan.Origin.Contracts;

/// <summary>The Origin module's permissions.</summary>
public static class OriginPermissions
{
    /// <summary>Apply for certificates of origin for one's own organisation, answer requests for corrections.</summary>
    public static readonly Permission Apply = new("origin.certificate.apply");

    /// <summary>Review applications to one issuing body, issue, suspend and revoke its certificates, rotate its keys.</summary>
    public static readonly Permission Issue = new("origin.certificate.issue");

    /// <summary>Read the certificates whose goods go to one's country (customs) and their recorded verifications.</summary>
    public static readonly Permission View = new("origin.certificate.view");

    /// <summary>Register issuing bodies, put them on or off the trust list, revoke any key.</summary>
    public static readonly Permission ManageTrust = new("origin.trust.manage");
}

/// <summary>The origin criteria an exporter may claim for a goods item (preferential and non-preferential rules).</summary>
public static class OriginCriteria
{
    public const string WhollyObtained = "wholly-obtained";
    public const string ProducedFromOriginatingMaterials = "produced-from-originating-materials";
    public const string SufficientProcessing = "sufficient-processing";
    public const string ChangeOfTariffClassification = "change-of-tariff-classification";
    public const string ValueAdded = "value-added";

    public static readonly IReadOnlyList<string> All = [WhollyObtained, ProducedFromOriginatingMaterials, SufficientProcessing, ChangeOfTariffClassification, ValueAdded];
}

/// <param name="Identifier">The national identifier (BIN, USCC, INN) where there is one.</param>
public sealed record OriginParty(string? Name, string? Address, string? Country, string? Identifier);

/// <param name="ConsignmentItem">The goods item of the linked consignment (from 1) this item certifies.</param>
/// <param name="OriginCriterion">One of <see cref="OriginCriteria.All"/>.</param>
public sealed record OriginGoodsItem(
    int? ConsignmentItem,
    string? HsCode,
    string? Description,
    decimal? Quantity,
    string? Unit,
    decimal? GrossMassKg,
    string? CountryOfOrigin,
    string? OriginCriterion,
    decimal? InvoiceValue,
    string? Currency);

/// <param name="Mode">UN/ECE Recommendation 19 code as in consignments (1 sea, 2 rail, 3 road, 4 air …).</param>
/// <param name="Means">The vessel, train, truck or flight.</param>
public sealed record OriginTransport(string? Mode, string? Means, DateOnly? DepartureDate, string? Route);

/// <summary>What an exporter asks an issuing body to certify.</summary>
/// <param name="IssuingBody">The issuing body (its organisation id) of the exporter's country.</param>
/// <param name="ConsignmentId">A lodged consignment of the exporter the goods travel with; optional.</param>
/// <param name="ImportingCountry">The consignee's country (ISO 3166 alpha-2).</param>
public sealed record CertificateApplicationRequest(
    Guid? IssuingBody,
    Guid? ConsignmentId,
    OriginParty? Exporter,
    OriginParty? Importer,
    string? ImportingCountry,
    IReadOnlyList<OriginGoodsItem>? Items,
    OriginTransport? Transport,
    string? Remarks);

/// <param name="Decision">approve, reject or request-corrections.</param>
/// <param name="Reason">Required to reject or to ask for corrections; the exporter reads it.</param>
/// <param name="ValidUntil">For approval: until when the certificate is valid (default: a year from issue).</param>
public sealed record ReviewRequest(string? Decision, string? Reason, DateTimeOffset? ValidUntil);

public sealed record ApplicationStepView(DateTimeOffset At, string By, string Action, string? Reason);

/// <param name="State">submitted, corrections-requested, issued or rejected.</param>
public sealed record ApplicationView(
    Guid Id,
    string Number,
    string State,
    Guid IssuingBody,
    string IssuingBodyName,
    Guid Exporter,
    int Version,
    DateTimeOffset SubmittedAt,
    DateTimeOffset UpdatedAt,
    Guid? CertificateId,
    CertificateApplicationRequest Content,
    IReadOnlyList<ApplicationStepView> Steps);

/// <param name="Status">active, suspended or revoked.</param>
public sealed record CertificateView(
    Guid Id,
    string Number,
    Guid ApplicationId,
    Guid IssuingBody,
    string IssuingBodyName,
    string Country,
    Guid Exporter,
    string ImportingCountry,
    Guid? ConsignmentId,
    string KeyId,
    DateTimeOffset IssuedAt,
    DateTimeOffset ValidFrom,
    DateTimeOffset ValidUntil,
    string Status,
    string? StatusReason,
    DateTimeOffset StatusSince,
    string VerificationUrl);

/// <param name="Status">revoked (final), suspended, or active (lifts a suspension).</param>
public sealed record StatusChangeRequest(string? Status, string? Reason);

/// <summary>A token to verify, and optionally the moment to verify it at (e.g. the date of importation).</summary>
public sealed record VerificationRequest(string? Token, DateTimeOffset? At);

/// <param name="Outcome">passed, failed or not-checked.</param>
/// <param name="Code">A stable code for the outcome (signature-valid, unknown-key, revoked, expired …).</param>
/// <param name="Message">The reason in the reader's language.</param>
public sealed record VerificationCheck(string Outcome, string Code, string Message)
{
    public bool Passed => Outcome == VerificationOutcomes.Passed;
}

public static class VerificationOutcomes
{
    public const string Passed = "passed";
    public const string Failed = "failed";
    public const string NotChecked = "not-checked";
}

/// <summary>What a verified document says, as far as it could be read.</summary>
public sealed record VerifiedCertificate(
    string? Id,
    string? Number,
    string? Issuer,
    string? IssuerName,
    string? IssuerCountry,
    string? Exporter,
    string? Importer,
    string? ConsigneeCountry,
    DateTimeOffset? ValidFrom,
    DateTimeOffset? ValidUntil,
    IReadOnlyList<VerifiedItem> Items);

public sealed record VerifiedItem(string? HsCode, string? Description, string? OriginCriterion, string? CountryOfOrigin);

/// <summary>The four questions answered separately, and the overall verdict (valid only if all four pass).</summary>
/// <param name="Verdict">valid or invalid.</param>
public sealed record VerificationResult(
    string Verdict,
    DateTimeOffset VerifiedAt,
    VerificationCheck Integrity,
    VerificationCheck Issuer,
    VerificationCheck Status,
    VerificationCheck Validity,
    VerifiedCertificate? Certificate);

/// <summary>An issuing body on the trust list with its keys.</summary>
public sealed record TrustedIssuerView(
    Guid Id,
    string Slug,
    string Did,
    string Name,
    string Country,
    bool Trusted,
    DateTimeOffset TrustedFrom,
    DateTimeOffset? TrustedUntil,
    IReadOnlyList<SigningKeyView> Keys);

/// <param name="State">active (signs now), retired (no longer signs, still verifies) or revoked (from <see cref="RevokedFrom"/>).</param>
public sealed record SigningKeyView(string Kid, string Algorithm, string State, DateTimeOffset ActiveFrom, DateTimeOffset? RetiredAt, DateTimeOffset? RevokedFrom, string? RevocationReason);

/// <param name="Organisation">An issuing body organisation registered in Access.</param>
/// <param name="Slug">The last part of its did:web (letters, digits, hyphens), e.g. issuer-kz.</param>
public sealed record NewIssuingBody(Guid? Organisation, string? Slug);

/// <param name="Trusted">Whether verifiers should trust its certificates; false takes it off the trust list from now.</param>
public sealed record TrustChange(bool? Trusted, string? Reason);

/// <param name="From">Signatures made from this moment on are invalid (it may lie in the past: a compromise found late).</param>
public sealed record KeyRevocation(DateTimeOffset? From, string? Reason);

/// <param name="CertificateId">A certificate of the lodging trader to attach to its consignment.</param>
public sealed record AttachCertificate(Guid? CertificateId);

/// <summary>A certificate attached to a consignment, verified for one control and recorded.</summary>
public sealed record ControlCertificateView(Guid CertificateId, string Number, Guid ControlId, string Country, DateTimeOffset VerifiedAt, string VerifiedBy, VerificationResult Result);

/// <summary>The Origin module's events, published through the outbox to the importing and issuing countries and the exporter.</summary>
public static class OriginEvents
{
    public const string CertificateIssued = "certificate.issued";
    public const string CertificateStatusChanged = "certificate.status-changed";
}

/// <summary>A certificate was issued; the importing administration can verify the token before the goods arrive.</summary>
public sealed record CertificateIssuedEvent(Guid CertificateId, string Number, string IssuingCountry, string ImportingCountry, Guid? ConsignmentId, DateTimeOffset ValidFrom, DateTimeOffset ValidUntil, string Token);

/// <summary>A certificate was revoked, suspended, or its suspension lifted (the reason stays with the issuer).</summary>
public sealed record CertificateStatusChangedEvent(Guid CertificateId, string Number, string Status, DateTimeOffset ChangedAt);
