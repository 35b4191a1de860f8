using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using Caravan.Platform;
using Caravan.Web.Localization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Caravan.Web.Infrastructure;

/// <summary>Cross-cutting defaults of the web host in one place: problem details, health, OpenAPI, pages.</summary>
public static class WebDefaults
{
    public static WebApplicationBuilder AddCaravanWebDefaults(this WebApplicationBuilder builder)
    {
        // Kestrel refuses a request line over 8 KiB with a bare 414 before any middleware runs. Let lines up to 64 KiB
        // through so that an over-long query reaches validation and gets a problem document naming the field.
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestLineSize = 64 * 1024);
        var services = builder.Services;

        // Behind a reverse proxy (TLS terminated there): take the client's address and scheme from the proxy's
        // headers, so that rate limits count clients, cookies are Secure and HSTS is sent. Only the proxies named in
        // Caravan:Network:KnownProxies (and loopback) are believed.
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in (builder.Configuration["Caravan:Network:KnownProxies"] ?? string.Empty).Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
            {
                o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }
        });
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            ctx.ProblemDetails.Instance ??= ctx.HttpContext.Request.Path;
            ctx.ProblemDetails.Extensions.TryAdd("traceId", ctx.HttpContext.TraceIdentifier);
        });
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            // Enums travel by name ("Trader", "Exporter, Importer"), which national systems can read and type.
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
        });
        services.AddOpenApi("v1", o => o.AddDocumentTransformer(async (doc, context, ct) =>
        {
            // The payload of each event type the modules publish (feed, webhooks, NATS), as a named schema.
            doc.Components ??= new Microsoft.OpenApi.OpenApiComponents();
            doc.Components.Schemas ??= new Dictionary<string, Microsoft.OpenApi.IOpenApiSchema>();
            foreach (var registration in context.ApplicationServices.GetServices<Caravan.Platform.Messaging.EventTypeRegistration>())
            {
                var schema = await context.GetOrCreateSchemaAsync(registration.Payload, null, ct);
                schema.Description = $"Payload of the event type '{registration.Type}': {registration.Description}";
                doc.Components.Schemas[registration.Payload.Name] = schema;
            }

            doc.Info.Title = "Caravan API";
            doc.Info.Version = "v1";
            doc.Info.Description = "The platform of the China–Central Asia cooperation mechanism. Errors are RFC 9457 problem details.";
            doc.Servers?.Clear();
            // How a national system gets a token: OAuth 2.0 client credentials at /connect/token (private_key_jwt).
            doc.Components ??= new Microsoft.OpenApi.OpenApiComponents();
            doc.Components.SecuritySchemes ??= new Dictionary<string, Microsoft.OpenApi.IOpenApiSecurityScheme>();
            doc.Components.SecuritySchemes["oauth2"] = new Microsoft.OpenApi.OpenApiSecurityScheme
            {
                Type = Microsoft.OpenApi.SecuritySchemeType.OAuth2,
                Description = "Client credentials; authenticate the client with a signed assertion (private_key_jwt, RFC 7523). Tokens live 10 minutes.",
                Flows = new Microsoft.OpenApi.OpenApiOAuthFlows
                {
                    ClientCredentials = new Microsoft.OpenApi.OpenApiOAuthFlow { TokenUrl = new Uri("/connect/token", UriKind.Relative), Scopes = new Dictionary<string, string>() },
                },
            };
        }).AddOperationTransformer((operation, context, _) =>
        {
            // Operations that need a caller say so, and 401/403 come back as problem details.
            if (context.Description.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.Authorization.IAuthorizeData>().Any())
            {
                operation.Security ??= [];
                operation.Security.Add(new Microsoft.OpenApi.OpenApiSecurityRequirement
                {
                    [new Microsoft.OpenApi.OpenApiSecuritySchemeReference("oauth2", context.Document)] = [],
                });
            }

            return Task.CompletedTask;
        }));
        // Pages are in Chinese and Russian as much as in English: emit those characters as they are, not as &#x…; escapes.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddCaravanLocalization();
        services.AddRazorPages();
        services.AddHealthChecks();
        services.AddPublicResponseCompression();
        return builder;
    }

    public static WebApplication UseCaravanWebDefaults(this WebApplication app)
    {
        app.UseForwardedHeaders();

        // The API answers every error with problem details; the pages with a page a person can read.
        app.UseWhen(IsApi, api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        app.UseWhen(ctx => !IsApi(ctx), pages =>
        {
            pages.UseExceptionHandler("/Status/500");
            pages.UseStatusCodePagesWithReExecute("/Status/{0}");
        });

        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.Use(SecurityHeaders);
        app.UseResponseCompression();
        app.UseMiddleware<StaticAssetCompression>();
        app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = StaticAssetCaching.Prepare });
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapCaravanHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteHealth });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = r => r.Tags.Contains(PlatformServiceCollectionExtensions.ReadyTag),
            ResponseWriter = WriteHealth,
        });
        return app;
    }

    /// <summary>
    /// Pages load nothing from elsewhere and run no inline script, so the policy can be strict; no one may frame
    /// the platform (clickjacking of sign-in or decisions).
    /// </summary>
    private static Task SecurityHeaders(HttpContext context, Func<Task> next)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        return next();
    }

    private static bool IsApi(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/health");

    private static Task WriteHealth(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Description }),
        });
    }
}
