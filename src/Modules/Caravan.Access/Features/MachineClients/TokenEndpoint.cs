using System.Security.Claims;
using System.Text.Json;
using Caravan.Platform.Audit;
using Caravan.Platform.Security;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Caravan.Access.Features.MachineClients;

/// <summary>
/// <c>POST /connect/token</c> for the client-credentials grant. OpenIddict has already authenticated the client
/// (signed assertion or secret); this puts the client's organisation and grant into its short-lived access token.
/// </summary>
internal static class TokenEndpoint
{
    public static void MapTokenEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapPost("/connect/token", async (HttpContext context, IOpenIddictApplicationManager applications, IAuditLog audit) =>
        {
            var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
            // OpenIddict answers every other grant type with unsupported_grant_type before this runs.
            var application = await applications.FindByClientIdAsync(request.ClientId!) ?? throw new InvalidOperationException("The client was authenticated but not found.");
            var properties = await applications.GetPropertiesAsync(application);
            var grant = properties.TryGetValue(MachineClientRegistry.GrantProperty, out var g) ? g.GetString() : null;
            var organisation = properties.TryGetValue(MachineClientRegistry.OrganisationProperty, out var o) ? o.GetString() : null;

            var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Subject, request.ClientId);
            identity.SetClaim(Caller.ClientClaim, request.ClientId);
            identity.SetClaim(Claims.Name, await applications.GetDisplayNameAsync(application));
            if (organisation is not null)
            {
                identity.SetClaim(Caller.OrganisationClaim, organisation);
            }

            if (grant is not null)
            {
                identity.SetClaim(Grant.ClaimType, grant);
            }

            identity.SetDestinations(_ => [Destinations.AccessToken]);
            await audit.AppendAsync(new AuditRecord(AuditActorKind.Client, request.ClientId!, "access.token.issued", "client", request.ClientId!)
            {
                ClientId = request.ClientId,
                OrganisationId = organisation,
                Change = new { grant },
                RemoteAddress = context.Connection.RemoteIpAddress?.ToString(),
            });
            return Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        })
        .ExcludeFromDescription()
        .RequireRateLimiting(AccessModule.TokenRateLimit);
    }
}
