using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Caravan.Platform.Security;

/// <summary>The requirement behind <c>RequirePermission</c>: the caller holds the permission in some scope.</summary>
public sealed record PermissionRequirement(Permission Permission) : IAuthorizationRequirement;

internal sealed class PermissionHandler(RolePermissionMap map) : AuthorizationHandler<PermissionRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (new Caller(context.User, map).Has(requirement.Permission))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}

/// <summary>Policies named "permission:&lt;name&gt;" are made on demand, so a module declares a permission and uses it.</summary>
internal sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options) : DefaultAuthorizationPolicyProvider(options)
{
    public const string Prefix = "permission:";

    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        if (policyName.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return new AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser()
                .AddRequirements(new PermissionRequirement(new Permission(policyName[Prefix.Length..])))
                .Build();
        }

        return await base.GetPolicyAsync(policyName).ConfigureAwait(false);
    }
}

public static class PermissionExtensions
{
    /// <summary>401 without credentials, 403 without the permission in any scope. Scope checks happen in the query.</summary>
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, Permission permission)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(PermissionPolicyProvider.Prefix + permission.Name);

    /// <summary>The policy name for a permission, for <c>[Authorize(Policy = …)]</c> on pages.</summary>
    public static string PolicyFor(Permission permission) => PermissionPolicyProvider.Prefix + permission.Name;

    public static IServiceCollection AddCaravanPermissions(this IServiceCollection services)
    {
        services.AddSingleton<RolePermissionMap>();
        services.AddSingleton<IAuthorizationHandler, PermissionHandler>();
        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        services.AddHttpContextAccessor();
        services.AddScoped(sp =>
        {
            var http = sp.GetRequiredService<IHttpContextAccessor>().HttpContext;
            return new Caller(
                http?.User ?? new System.Security.Claims.ClaimsPrincipal(),
                sp.GetRequiredService<RolePermissionMap>(),
                http?.Connection.RemoteIpAddress?.ToString());
        });
        return services;
    }
}
