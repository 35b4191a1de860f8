using System.Text;
using System.Text.Json;
using Caravan.Origin.Contracts;
using Caravan.Origin.Features.Apply;
using Caravan.Origin.Features.Consignments;
using Caravan.Origin.Features.Issue;
using Caravan.Origin.Features.Status;
using Caravan.Origin.Features.Trust;
using Caravan.Origin.Features.Verify;
using Caravan.Origin.Localization;
using Caravan.Origin.Rendering;
using Caravan.Platform.Http;
using Caravan.Platform.Security;
using Caravan.Trade.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Caravan.Origin.Features;

/// <summary>
/// The Origin API: applications and their review, certificates (as application/vc+jwt, as JSON, as PDF), their
/// status, verification (public), the trust list, status lists (public), and certificates on consignments.
/// </summary>
internal static class OriginApi
{
    private const string Tag = "Origin";

    public static void MapOriginApi(this IEndpointRouteBuilder api)
    {
        // Applications and review.
        api.MapPost("/origin/applications", (CertificateApplicationRequest request, Caller caller, Applications service, CancellationToken ct) => service.SubmitAsync(request, caller, ct))
            .WithTags(Tag).WithName("ApplyForCertificate").WithSummary("Apply to an issuing body for a certificate of origin, with the origin criterion of each goods item.")
            .RequirePermission(OriginPermissions.Apply).ProducesProblem(400).ProducesProblem(401).ProducesProblem(403);
        api.MapGet("/origin/applications", async (string? state, Caller caller, Applications service, CancellationToken ct) => TypedResults.Ok(await service.ListAsync(caller, state, ct)))
            .WithTags(Tag).WithName("ListCertificateApplications").WithSummary("The caller's applications (an exporter's own, an issuing body's to review), newest first.")
            .RequireAuthorization().ProducesProblem(401);
        api.MapGet("/origin/applications/{id:guid}", async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> (Guid id, Caller caller, Applications service, CancellationToken ct) =>
                await service.FindAsync(caller, id, ct) is { } view ? TypedResults.Ok(view) : Problems.NotFound(OriginMessages.ApplicationNotFound.With(id).ToString()))
            .WithTags(Tag).WithName("GetCertificateApplication").WithSummary("An application with every step of its review.")
            .RequireAuthorization().ProducesProblem(401).ProducesProblem(404);
        api.MapPut("/origin/applications/{id:guid}", (Guid id, CertificateApplicationRequest request, Caller caller, Applications service, CancellationToken ct) => service.ResubmitAsync(id, request, caller, ct))
            .WithTags(Tag).WithName("ResubmitCertificateApplication").WithSummary("The corrected application, after the issuing body asked for corrections.")
            .RequirePermission(OriginPermissions.Apply).ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);
        api.MapPost("/origin/applications/{id:guid}/review", (Guid id, ReviewRequest request, Caller caller, Applications service, CancellationToken ct) => service.ReviewAsync(id, request, caller, ct))
            .WithTags(Tag).WithName("ReviewCertificateApplication").WithSummary("Approve (issues the certificate), reject, or ask for corrections, with a reason.")
            .RequirePermission(OriginPermissions.Issue).ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(503);

        // Certificates.
        api.MapGet("/certificates", async (string? status, Caller caller, Certificates service, CancellationToken ct) => TypedResults.Ok(await service.ListAsync(caller, status, ct)))
            .WithTags(Tag).WithName("ListCertificates").WithSummary("Certificates the caller may see: its own as exporter or issuer, or those for goods going to its country.")
            .RequireAuthorization().ProducesProblem(401);
        api.MapGet("/certificates/{id:guid}", GetCertificate)
            .WithTags(Tag).WithName("GetCertificate").WithSummary("The certificate as issued, a compact JWS (application/vc+jwt); with Accept: application/json its record and status.")
            .Produces<string>(200, CertificateCredential.MediaType).Produces<CertificateView>(200, "application/json")
            .RequireAuthorization().ProducesProblem(401).ProducesProblem(404);
        api.MapGet("/certificates/{id:guid}/pdf", GetPdf)
            .WithTags(Tag).WithName("GetCertificatePdf").WithSummary("The printable certificate as PDF, with the QR code of its verification page and the token inside.")
            .Produces(200, contentType: "application/pdf").RequireAuthorization().ProducesProblem(401).ProducesProblem(404);
        api.MapPost("/certificates/{id:guid}/status", (Guid id, StatusChangeRequest request, Caller caller, Certificates service, CancellationToken ct) => service.ChangeStatusAsync(id, request, caller, ct))
            .WithTags(Tag).WithName("ChangeCertificateStatus").WithSummary("Revoke (final), suspend, or lift a suspension, with a reason; published in the status lists at once.")
            .RequirePermission(OriginPermissions.Issue).ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409).ProducesProblem(503);
        api.MapPost("/certificates/verify", Verify)
            .WithTags(Tag).WithName("VerifyCertificate").WithSummary("Verify a certificate token: integrity, issuer, status and validity answered separately, and overall. Public.")
            .Accepts<VerificationRequest>("application/json", CertificateCredential.MediaType, "text/plain")
            .Produces<VerificationResult>().ProducesProblem(400).ProducesProblem(413).DisableAntiforgery();

        // Trust: the list of issuing bodies with their keys, and the signed status lists (both public).
        api.MapGet("/origin/trust-list", async (IssuerRegistry registry, CancellationToken ct) => TypedResults.Ok(await registry.TrustListAsync(ct)))
            .WithTags(Tag).WithName("GetTrustList").WithSummary("Issuing bodies with their DID, country, trust and keys (active, retired, revoked). Public.");
        api.MapGet("/origin/status-lists/{slug}/{purpose}", GetStatusList)
            .WithTags(Tag).WithName("GetStatusList").WithSummary("An issuer's Bitstring Status List credential (revocation or suspension), signed, as application/vc+jwt. Public.")
            .Produces<string>(200, CertificateCredential.MediaType).ProducesProblem(404);
        api.MapPost("/origin/issuers", (NewIssuingBody request, Caller caller, IssuerRegistry registry, CancellationToken ct) => registry.RegisterAsync(request, caller, ct))
            .WithTags(Tag).WithName("RegisterIssuingBody").WithSummary("Register an issuing body organisation: its DID, first signing key and status lists.")
            .RequirePermission(OriginPermissions.ManageTrust).ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(409);
        api.MapPost("/origin/issuers/{id:guid}/trust", (Guid id, TrustChange request, Caller caller, IssuerRegistry registry, CancellationToken ct) => registry.ChangeTrustAsync(id, request, caller, ct))
            .WithTags(Tag).WithName("ChangeIssuerTrust").WithSummary("Put an issuing body on the trust list or take it off.")
            .RequirePermission(OriginPermissions.ManageTrust).ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
        api.MapPost("/origin/issuers/{id:guid}/keys", (Guid id, Caller caller, IssuerRegistry registry, CancellationToken ct) => registry.RotateAsync(id, caller, ct))
            .WithTags(Tag).WithName("RotateIssuerKey").WithSummary("Make a new signing key; the current one retires and still verifies what it signed.")
            .RequireAuthorization().ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
        api.MapPost("/origin/issuers/{id:guid}/keys/revocation", (Guid id, string? kid, KeyRevocation request, Caller caller, IssuerRegistry registry, CancellationToken ct) => registry.RevokeKeyAsync(id, kid ?? string.Empty, request, caller, ct))
            .WithTags(Tag).WithName("RevokeIssuerKey").WithSummary("Revoke the key ?kid= from a moment (which may be past): signatures from then on fail verification.")
            .RequireAuthorization().ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409);

        // Certificates on consignments.
        api.MapPost("/consignments/{id:guid}/certificates", (Guid id, AttachCertificate request, Caller caller, ConsignmentCertificates service, Certificates certificates, CancellationToken ct) => service.AttachAsync(id, request, caller, certificates, ct))
            .WithTags(Tag).WithName("AttachCertificate").WithSummary("Attach one of the exporter's certificates to its consignment; the administrations on the route verify it.")
            .RequirePermission(OriginPermissions.Apply).ProducesProblem(400).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
        api.MapPost("/controls/{id:guid}/certificate-verifications", VerifyForControl)
            .WithTags(Tag).WithName("VerifyControlCertificates").WithSummary("Verify the certificates attached to the control's consignment now, and record the results.")
            .RequirePermission(OriginPermissions.View).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
        api.MapGet("/controls/{id:guid}/certificate-verifications", RecordedForControl)
            .WithTags(Tag).WithName("ListControlCertificateVerifications").WithSummary("The verifications recorded for a control, newest first.")
            .RequirePermission(OriginPermissions.View).ProducesProblem(401).ProducesProblem(403).ProducesProblem(404);
    }

    /// <summary>Outside /api/v1: the JWK Set at its well-known place, and each issuer's did:web document.</summary>
    public static void MapOriginEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/.well-known/jwks.json", async (IssuerRegistry registry, HttpContext http, CancellationToken ct) =>
            {
                http.Response.Headers.CacheControl = "public, max-age=60";
                return Results.Text((await registry.JwksAsync(ct)).ToJsonString(), "application/jwk-set+json", Encoding.UTF8);
            })
            .WithTags(Tag).WithName("GetJwks").WithSummary("Every issuing body's public keys, active, retired and revoked (RFC 7517). Public.");
        app.MapGet("/origin/issuers/{slug}/did.json", async Task<IResult> (string slug, IssuerRegistry registry, CancellationToken ct) =>
                await registry.DidDocumentAsync(slug, ct) is { } document
                    ? Results.Text(document.ToJsonString(), "application/did+json", Encoding.UTF8)
                    : Problems.NotFound(OriginMessages.IssuerNotFound.With(slug).ToString()))
            .WithTags(Tag).WithName("GetIssuerDid").WithSummary("The did:web document of an issuing body. Public.");
    }

    private static async Task<IResult> GetCertificate(Guid id, HttpContext http, Caller caller, Certificates service, CancellationToken ct)
    {
        if (await service.FindAsync(caller, id, ct) is not { } found)
        {
            return Problems.NotFound(OriginMessages.CertificateNotFound.With(id).ToString());
        }

        var accept = http.Request.Headers.Accept.ToString();
        return accept.Contains("application/json", StringComparison.OrdinalIgnoreCase) && !accept.Contains(CertificateCredential.MediaType, StringComparison.OrdinalIgnoreCase)
            ? TypedResults.Ok(found.View)
            : Results.Text(found.Row.Token, CertificateCredential.MediaType, Encoding.ASCII);
    }

    private static async Task<IResult> GetPdf(Guid id, Caller caller, Certificates service, CertificatePrinting printing, CancellationToken ct)
    {
        if (await service.FindAsync(caller, id, ct) is not { } found)
        {
            return Problems.NotFound(OriginMessages.CertificateNotFound.With(id).ToString());
        }

        var printed = await printing.PrintableAsync(found.Row, found.View, ct);
        return Results.File(CertificatePdf.Render(printed), "application/pdf", $"certificate-of-origin-{found.View.Number}.pdf");
    }

    private static async Task<IResult> Verify(HttpRequest request, CertificateVerifier verifier, CancellationToken ct)
    {
        if (request.ContentLength is > Signing.CompactJws.MaxLength)
        {
            return Results.Problem(detail: $"A certificate token has at most {Signing.CompactJws.MaxLength} characters.", statusCode: 413, title: "Too large.");
        }

        string? token;
        DateTimeOffset? at = null;
        if (request.HasJsonContentType())
        {
            VerificationRequest? body;
            try
            {
                body = await request.ReadFromJsonAsync<VerificationRequest>(ct);
            }
            catch (JsonException)
            {
                return Problems.Invalid("token", OriginMessages.IntegrityMalformed.With().ToString());
            }

            token = body?.Token;
            at = body?.At;
        }
        else
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            var buffer = new char[Signing.CompactJws.MaxLength + 1];
            var read = await reader.ReadBlockAsync(buffer, ct);
            token = new string(buffer, 0, read);
        }

        if (string.IsNullOrWhiteSpace(token))
        {
            return Problems.Invalid("token", OriginMessages.IntegrityEmpty.With().ToString());
        }

        return TypedResults.Ok(await verifier.VerifyAsync(token, at, ct));
    }

    private static async Task<IResult> GetStatusList(string slug, string purpose, HttpContext http, Certificates service, CancellationToken ct)
    {
        if (await service.StatusListAsync(slug, purpose, ct) is not { } token)
        {
            return Problems.NotFound($"There is no {purpose} status list of {slug}.");
        }

        // Verifiers may cache it briefly; a change is published at once and visible after at most this long.
        http.Response.Headers.CacheControl = "public, max-age=5";
        return Results.Text(token, CertificateCredential.MediaType, Encoding.ASCII);
    }

    private static async Task<IResult> VerifyForControl(Guid id, Caller caller, IConsignmentDirectory directory, ConsignmentCertificates service, CancellationToken ct)
    {
        if (await ControlOfAsync(id, caller, directory, ct) is not { } control)
        {
            return Problems.NotFound($"There is no control {id} of your country.");
        }

        return TypedResults.Ok(await service.VerifyForControlAsync(control, caller, ct));
    }

    private static async Task<IResult> RecordedForControl(Guid id, Caller caller, IConsignmentDirectory directory, ConsignmentCertificates service, CancellationToken ct)
    {
        if (await ControlOfAsync(id, caller, directory, ct) is null)
        {
            return Problems.NotFound($"There is no control {id} of your country.");
        }

        return TypedResults.Ok(await service.RecordedAsync(id, ct));
    }

    /// <summary>The control if it belongs to a country in which the caller may view certificates.</summary>
    private static async Task<ControlContext?> ControlOfAsync(Guid controlId, Caller caller, IConsignmentDirectory directory, CancellationToken ct)
    {
        var found = await directory.FindControlAsync(caller, controlId, ct);
        if (found is not { } pair || !caller.Has(OriginPermissions.View, Scope.Country(pair.Control.Country)))
        {
            return null;
        }

        return new ControlContext(pair.Consignment.Id, controlId, pair.Control.Country, pair.Control.Role);
    }
}
