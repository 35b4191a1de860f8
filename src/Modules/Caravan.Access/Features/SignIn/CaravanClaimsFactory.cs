using System.Security.Claims;
using Caravan.Access.Data;
using Caravan.Access.Domain;
using Caravan.Platform.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Caravan.Access.Features.SignIn;

/// <summary>
/// Puts a person's organisation and grants into their session. A person whose role requires a second factor but
/// who has not set one up gets no grants at all, only a claim that sends them to enrolment.
/// </summary>
internal sealed class CaravanClaimsFactory(UserManager<CaravanUser> users, IOptions<IdentityOptions> options, AccessDbContext db)
    : UserClaimsPrincipalFactory<CaravanUser>(users, options)
{
    public const string DisplayNameClaim = "caravan:name";
    public const string EnrolSecondFactorClaim = "caravan:enrol-2fa";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(CaravanUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName));
        if (user.OrganisationId is { } organisation)
        {
            identity.AddClaim(new Claim(Caller.OrganisationClaim, organisation.ToString()));
        }

        var grants = await db.Grants.AsNoTracking().Where(g => g.UserId == user.Id).ToListAsync();
        if (grants.Any(g => Roles.Find(g.Role)?.RequiresSecondFactor == true) && !user.TwoFactorEnabled)
        {
            identity.AddClaim(new Claim(EnrolSecondFactorClaim, "true"));
            return identity;
        }

        foreach (var grant in grants)
        {
            identity.AddClaim(new Claim(Grant.ClaimType, grant.ToGrant().ToString()));
        }

        return identity;
    }
}
