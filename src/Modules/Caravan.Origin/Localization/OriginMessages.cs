using Caravan.Platform.Localization;

namespace Caravan.Origin.Localization;

/// <summary>
/// Every message the Origin module gives an exporter, an issuer, an officer or a member of the public, with its
/// English text; the Chinese and Russian texts are in <c>messages.zh.json</c> and <c>messages.ru.json</c> (ADR 0006).
/// </summary>
internal static class OriginMessages
{
    public static readonly MessageCatalog Catalog = new(typeof(OriginMessages).Assembly, "Caravan.Origin.Localization.messages.");

    // Verification: integrity.
    public static readonly MessageTemplate IntegrityPassed = Catalog.Declare("verify.integrity.passed", "The document is intact: its ES256 signature matches the published key {0}.");
    public static readonly MessageTemplate IntegrityEmpty = Catalog.Declare("verify.integrity.empty", "No certificate was given: paste the token, upload the PDF or scan the QR code.");
    public static readonly MessageTemplate IntegrityMalformed = Catalog.Declare("verify.integrity.malformed", "This is not a certificate token: a compact JWS is three base64url parts separated by dots.");
    public static readonly MessageTemplate IntegrityAlgorithm = Catalog.Declare("verify.integrity.algorithm", "The token is signed with '{0}'; certificates of origin are signed with ES256 only.");
    public static readonly MessageTemplate IntegrityType = Catalog.Declare("verify.integrity.type", "The token's type is '{0}', not vc+jwt: it is not a verifiable credential.");
    public static readonly MessageTemplate IntegrityUnknownKey = Catalog.Declare("verify.integrity.unknown-key", "It was signed with a key that no issuing body has published ({0}); its signature cannot be trusted.");
    public static readonly MessageTemplate IntegritySignature = Catalog.Declare("verify.integrity.signature", "The signature does not match the content: the document was changed after it was signed, or forged.");
    public static readonly MessageTemplate NotCheckedUnintact = Catalog.Declare("verify.not-checked", "Not checked: the document is not intact, so nothing it says can be relied on.");

    // Verification: issuer.
    public static readonly MessageTemplate IssuerPassed = Catalog.Declare("verify.issuer.passed", "Issued by {0} ({1}), on the trust list for {1}; the key was valid when it signed.");
    public static readonly MessageTemplate IssuerUnknown = Catalog.Declare("verify.issuer.unknown", "The issuer {0} is not on the platform's trust list of issuing bodies.");
    public static readonly MessageTemplate IssuerNotTrusted = Catalog.Declare("verify.issuer.not-trusted", "{0} is not on the platform's trust list of issuing bodies, so its certificates (this one issued {1}) are not trusted.");
    public static readonly MessageTemplate IssuerKeyMismatch = Catalog.Declare("verify.issuer.key-mismatch", "The key that signed it ({0}) belongs to another issuer than the one named in the certificate.");
    public static readonly MessageTemplate IssuerCountry = Catalog.Declare("verify.issuer.country", "{0} issues certificates for goods originating in {1}; this one certifies goods of {2}.");
    public static readonly MessageTemplate IssuerKeyNotActive = Catalog.Declare("verify.issuer.key-not-active", "It claims to be signed at {0}, before the key {1} was created ({2}).");
    public static readonly MessageTemplate IssuerKeyRevoked = Catalog.Declare("verify.issuer.key-revoked", "It was signed at {0} with the key {1}, which was revoked from {2}: {3}");
    public static readonly MessageTemplate IssuerNoDate = Catalog.Declare("verify.issuer.no-date", "The certificate carries no valid issue date (validFrom), so the key's validity cannot be checked.");

    // Verification: status.
    public static readonly MessageTemplate StatusPassed = Catalog.Declare("verify.status.passed", "Neither revoked nor suspended in the issuer's status lists.");
    public static readonly MessageTemplate StatusRevoked = Catalog.Declare("verify.status.revoked", "The issuer has revoked this certificate.");
    public static readonly MessageTemplate StatusSuspended = Catalog.Declare("verify.status.suspended", "The issuer has suspended this certificate.");
    public static readonly MessageTemplate StatusMissing = Catalog.Declare("verify.status.missing", "The certificate has no status entry in a status list of its issuer, so its revocation cannot be checked.");

    // Verification: validity period.
    public static readonly MessageTemplate ValidityPassed = Catalog.Declare("verify.validity.passed", "Valid from {0} until {1}.");
    public static readonly MessageTemplate ValidityExpired = Catalog.Declare("verify.validity.expired", "Expired: it was valid until {0}.");
    public static readonly MessageTemplate ValidityNotYet = Catalog.Declare("verify.validity.not-yet", "Not yet valid: it is valid from {0}.");
    public static readonly MessageTemplate ValidityMissing = Catalog.Declare("verify.validity.missing", "The certificate does not state its validity period (validFrom and validUntil).");

    // Applications.
    public static readonly MessageTemplate Required = Catalog.Declare("field.required", "is required.");
    public static readonly MessageTemplate TooLong = Catalog.Declare("field.too-long", "has at most {0} characters.");
    public static readonly MessageTemplate IssuingBodyUnknown = Catalog.Declare("application.issuing-body", "is not an issuing body registered on the platform.");
    public static readonly MessageTemplate IssuingBodyCountry = Catalog.Declare("application.issuing-body-country", "{0} issues certificates for exports from {1}; the exporter is in {2}.");
    public static readonly MessageTemplate ConsignmentUnknown = Catalog.Declare("application.consignment", "is not a consignment your organisation lodged.");
    public static readonly MessageTemplate Items = Catalog.Declare("application.items", "lists 1 to {0} goods items.");
    public static readonly MessageTemplate HsCode = Catalog.Declare("item.hs-code", "'{0}' is not a subheading of HS 2022 (6 digits).");
    public static readonly MessageTemplate Positive = Catalog.Declare("field.positive", "must be greater than zero.");
    public static readonly MessageTemplate Criterion = Catalog.Declare("item.criterion", "'{0}' is not an origin criterion; use one of {1}.");
    public static readonly MessageTemplate ConsignmentItem = Catalog.Declare("item.consignment-item", "the consignment has no goods item {0}; it has {1}.");
    public static readonly MessageTemplate ConsignmentItemHs = Catalog.Declare("item.consignment-item-hs", "goods item {0} of the consignment is declared under {1}, not {2}.");
    public static readonly MessageTemplate OriginNotIssuer = Catalog.Declare("item.origin-country", "an issuing body of {0} certifies goods originating in {0}, not in {1}.");
    public static readonly MessageTemplate SameCountry = Catalog.Declare("application.same-country", "the goods are exported to another country than the exporter's.");
    public static readonly MessageTemplate Decision = Catalog.Declare("review.decision", "'{0}' is not a review decision; use approve, reject or request-corrections.");
    public static readonly MessageTemplate ReasonRequired = Catalog.Declare("review.reason", "a reason is required to reject or to ask for corrections; the exporter reads it.");
    public static readonly MessageTemplate ValidUntil = Catalog.Declare("review.valid-until", "must lie after the issue and at most {0} days after it.");
    public static readonly MessageTemplate ApplicationState = Catalog.Declare("application.state", "The application is {0}; this step is possible only while it is {1}.");
    public static readonly MessageTemplate ApplicationNotFound = Catalog.Declare("application.not-found", "There is no application {0} you can see.");

    // Certificates and their status.
    public static readonly MessageTemplate CertificateNotFound = Catalog.Declare("certificate.not-found", "There is no certificate {0} you can see.");
    public static readonly MessageTemplate StatusValue = Catalog.Declare("certificate.status", "'{0}' is not a status; use revoked, suspended or active.");
    public static readonly MessageTemplate StatusReason = Catalog.Declare("certificate.status-reason", "a reason is required to revoke or suspend; verifiers are told the certificate's status, issuers keep the reason.");
    public static readonly MessageTemplate StatusFinal = Catalog.Declare("certificate.status-final", "The certificate is revoked; a revocation is final.");
    public static readonly MessageTemplate StatusSame = Catalog.Declare("certificate.status-same", "The certificate is already {0}.");
    public static readonly MessageTemplate AttachNotOwn = Catalog.Declare("certificate.attach-not-own", "is not a certificate issued to the organisation that lodged this consignment.");
    public static readonly MessageTemplate AttachOther = Catalog.Declare("certificate.attach-other", "is already attached to another consignment.");

    // Issuing bodies and keys.
    public static readonly MessageTemplate Slug = Catalog.Declare("issuer.slug", "3 to 60 lower-case letters, digits and hyphens, e.g. issuer-kz: it becomes part of the issuer's DID.");
    public static readonly MessageTemplate SlugTaken = Catalog.Declare("issuer.slug-taken", "'{0}' is taken by another issuing body.");
    public static readonly MessageTemplate NotIssuingBody = Catalog.Declare("issuer.not-issuing-body", "is not an organisation of the kind 'issuing body' with a country.");
    public static readonly MessageTemplate AlreadyRegistered = Catalog.Declare("issuer.already", "This organisation is already registered as an issuing body.");
    public static readonly MessageTemplate IssuerNotFound = Catalog.Declare("issuer.not-found", "There is no issuing body {0}.");
    public static readonly MessageTemplate KeyNotFound = Catalog.Declare("key.not-found", "The issuing body has no key {0}.");
    public static readonly MessageTemplate KeyRevokedAlready = Catalog.Declare("key.revoked", "The key is already revoked from {0}.");
    public static readonly MessageTemplate KeyRevocationFrom = Catalog.Declare("key.revocation-from", "the moment from which signatures are invalid is required; it may lie in the past, not in the future.");
    public static readonly MessageTemplate Trusted = Catalog.Declare("issuer.trusted", "true puts the issuing body on the trust list, false takes it off from now.");
    public static readonly MessageTemplate OutOfScope = Catalog.Declare("scope.issuer", "Your grants do not reach the issuing body {0}.");
    public static readonly MessageTemplate KeyUnavailable = Catalog.Declare("issuer.key-unavailable", "The signing key {0} cannot be opened on this server (its key ring is missing); nothing was signed or changed. An administrator restores the key ring or rotates the key.");
    public static readonly MessageTemplate NoActiveKey = Catalog.Declare("issuer.no-key", "{0} has no active signing key; rotate its keys to make one.");
}
