using Caravan.Access.Contracts;
using Caravan.Access.Data;
using Caravan.Access.Domain;
using Caravan.Access.Features.Demo;
using Caravan.Access.Features.FirstAdministrator;
using Caravan.Access.Features.MachineClients;
using Caravan.Access.Features.Organisations;
using Caravan.Access.Features.SignIn;
using Caravan.Platform.Health;
using Caravan.Platform.Persistence;
using Caravan.Platform.Security;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using OpenIddict.Validation.AspNetCore;

namespace Caravan.Access;

/// <summary>Registration of the Access module: organisations, people, grants, sign-in.</summary>
public static class AccessModule
{
    public const string DemoSetting = "Caravan:Demo";

    /// <summary>The rate limit on sign-in, second-factor and setup forms: 10 attempts a minute per address by default.</summary>
    public const string SignInRateLimit = "sign-in";

    public const string SignInPermitsSetting = "Caravan:Security:SignInAttemptsPerMinute";

    /// <summary>The rate limit on <c>/connect/token</c>: 60 requests a minute per address by default.</summary>
    public const string TokenRateLimit = "token";

    /// <summary>Allows the token endpoint over plain HTTP (development, tests); production serves it over HTTPS only.</summary>
    public const string AllowHttpTokensSetting = "Caravan:Security:AllowHttpTokens";

    /// <summary>The PEM file of the access-token signing key; default keys/token-signing.pem under the data directory.</summary>
    public const string TokenSigningKeySetting = "Caravan:Security:TokenSigningKeyPath";

    /// <summary>How often, in seconds, a session's grants are checked against the database (default 60).</summary>
    public const string SessionRevalidationSetting = "Caravan:Security:SessionRevalidationSeconds";

    /// <summary>Token requests a minute per address (default 60).</summary>
    public const string TokenPermitsSetting = "Caravan:Security:TokenRequestsPerMinute";

    /// <summary>How long an access token lives, in seconds (default 600). Short, because a token cannot be recalled.</summary>
    public const string AccessTokenLifetimeSetting = "Caravan:Security:AccessTokenLifetimeSeconds";

    /// <summary>API requests carrying a bearer token are authenticated as machine clients, the rest by the session cookie.</summary>
    public const string CookieOrBearerScheme = "caravan";

    public static IServiceCollection AddAccessModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<AccessDbContext, SqliteAccessDbContext, PostgresAccessDbContext>(AccessDbContext.Module);
        services.AddCaravanPermissions();
        services.AddSingleton<IRolePermissions, AccessRolePermissions>();
        services.AddScoped<IOrganisationDirectory, OrganisationDirectory>();

        services.AddIdentityCore<CaravanUser>(o =>
            {
                // Long passwords over composition rules (NIST SP 800-63B), but keep a mix for a government system.
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 5;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddEntityFrameworkStores<AccessDbContext>()
            .AddClaimsPrincipalFactory<CaravanClaimsFactory>()
            .AddErrorDescriber<LocalizedIdentityErrors>();
        // How soon a revoked grant, a reset second factor or a lock reaches a live session.
        services.AddOptions<SecurityStampValidatorOptions>().Configure<IConfiguration>((o, config) =>
            o.ValidationInterval = TimeSpan.FromSeconds(config.GetValue(SessionRevalidationSetting, 60)));

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieOrBearerScheme;
                o.DefaultSignInScheme = IdentityConstants.ApplicationScheme;
            })
            // Bearer tokens are for the API only: pages (and their forms) accept nothing but a person's session.
            .AddPolicyScheme(CookieOrBearerScheme, "Session cookie or bearer token", o => o.ForwardDefaultSelector = context =>
                IsApi(context.Request) && context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme
                    : IdentityConstants.ApplicationScheme);
        services.AddAuthentication().AddIdentityCookies();
        AddMachineClients(services);
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "caravan.session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.LoginPath = "/account/signin";
            o.LogoutPath = "/account/signout";
            o.AccessDeniedPath = "/account/denied";
            // Handlers are set on Identity's own events object, which also revalidates the security stamp: replacing the
            // object would silently stop revoked grants from reaching live sessions.
            // The API answers with problem details; only pages redirect to the sign-in page.
            o.Events.OnRedirectToLogin = ctx => IsApi(ctx.Request) ? Problem(ctx.HttpContext, StatusCodes.Status401Unauthorized, "Sign in or present an access token.") : Redirect(ctx);
            o.Events.OnRedirectToAccessDenied = ctx => IsApi(ctx.Request) ? Problem(ctx.HttpContext, StatusCodes.Status403Forbidden, "Your grants do not include this.") : Redirect(ctx);
        });
        services.AddAuthorization();

        // Session cookies and anti-forgery tokens must survive restarts and be readable by every instance.
        services.AddDataProtection().SetApplicationName("Caravan");
        services.AddOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>().Configure<IConfiguration>((o, config) =>
            o.XmlRepository = new Microsoft.AspNetCore.DataProtection.Repositories.FileSystemXmlRepository(
                new DirectoryInfo(Path.Combine(new DatabaseOptions { DataDirectory = config["Caravan:Database:DataDirectory"] }.ResolveDataDirectory(), "keys", "data-protection")),
                Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance));
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IConfiguration>((o, config) =>
        {
            var permits = config.GetValue(SignInPermitsSetting, 10);
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(TokenRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = config.GetValue(TokenPermitsSetting, 60), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.AddPolicy(SignInRateLimit, context => context.Request.Method == HttpMethods.Get
                ? RateLimitPartition.GetNoLimiter("read")
                : RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });

        // The demo's people come first, so that a demo start does not also print a first-administrator link.
        services.AddSingleton<IStartupTask, DemoSeed>();

        services.AddSingleton<IStartupTask, FirstAdministratorSetup>();

        return services;
    }

    /// <summary>Endpoints outside the versioned API: the OAuth 2.0 token endpoint.</summary>
    public static IEndpointRouteBuilder MapAccessEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapTokenEndpoint();
        return app;
    }

    private static void AddMachineClients(IServiceCollection services)
    {
        services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<AccessDbContext>())
            .AddServer(o =>
            {
                o.SetTokenEndpointUris("connect/token");
                o.AllowClientCredentialsFlow();
                // Access tokens are signed JWTs that any JOSE library can read; they carry no secrets.
                o.DisableAccessTokenEncryption();
                o.AddEphemeralEncryptionKey();
                o.UseAspNetCore().EnableTokenEndpointPassthrough();
            })
            .AddValidation(o =>
            {
                o.UseLocalServer();
                o.UseAspNetCore();
            });
        services.AddOptions<OpenIddictServerOptions>().Configure<IConfiguration>((o, config) =>
        {
            var path = config[TokenSigningKeySetting] is { Length: > 0 } configured
                ? configured
                : Path.Combine(new DatabaseOptions { DataDirectory = config["Caravan:Database:DataDirectory"] }.ResolveDataDirectory(), "keys", "token-signing.pem");
            o.SigningCredentials.Add(new SigningCredentials(TokenSigningKey.LoadOrCreate(path), SecurityAlgorithms.EcdsaSha256));
            o.AccessTokenLifetime = TimeSpan.FromSeconds(config.GetValue(AccessTokenLifetimeSetting, 600));
        });
        services.AddOptions<OpenIddictServerAspNetCoreOptions>().Configure<IConfiguration>((o, config) =>
            o.DisableTransportSecurityRequirement = config.GetValue<bool>(AllowHttpTokensSetting));
        services.AddScoped<MachineClientRegistry>();
        services.AddScoped<IMachineClientRegistry>(sp => sp.GetRequiredService<MachineClientRegistry>());
    }

    public static IEndpointRouteBuilder MapAccessApi(this IEndpointRouteBuilder api)
    {
        api.MapMeApi();
        api.MapOrganisationsApi();
        return api;
    }

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    private static Task Redirect<T>(Microsoft.AspNetCore.Authentication.RedirectContext<T> context)
        where T : Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    private static async Task Problem(HttpContext context, int status, string detail)
    {
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Detail = detail, Title = status == 401 ? "Unauthorized." : "Forbidden." },
        });
    }
}
