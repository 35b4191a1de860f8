using System.Security.Claims;
using Caravan.Platform.Security;

namespace Caravan.Platform.Tests;

/// <summary>Grants, scopes and what a caller may do with them.</summary>
public sealed class PermissionModelTests
{
    private static readonly Permission View = new("test.things.view");
    private static readonly Permission Decide = new("test.things.decide");

    private sealed class TestRolePermissions : IRolePermissions
    {
        public IEnumerable<(string Role, Permission Permission)> Grants() =>
        [
            (Roles.CustomsOfficer, View),
            (Roles.CustomsOfficer, Decide),
            (Roles.Trader, View),
            (Roles.Administrator, View),
        ];
    }

    private static Caller CallerWith(params string[] grants)
    {
        var identity = new ClaimsIdentity(grants.Select(g => new Claim(Grant.ClaimType, g)).Append(new Claim(ClaimTypes.NameIdentifier, "u1")), "test");
        return new Caller(new ClaimsPrincipal(identity), new RolePermissionMap([new TestRolePermissions()]));
    }

    [Theory]
    [InlineData("customs-officer@country:KZ")]
    [InlineData("administrator@platform")]
    [InlineData("trader@organisation:4f0c2a4e-8d2b-4c8e-9b4e-2f4a9c1d0e11")]
    [InlineData("customs-officer@office:2b7c")]
    public void A_grant_reads_back_as_it_was_written(string text)
    {
        Assert.Equal(text, Grant.TryParse(text)?.ToString());
    }

    [Theory]
    [InlineData("customs-officer")]
    [InlineData("@country:KZ")]
    [InlineData("customs-officer@galaxy:KZ")]
    [InlineData("administrator@platform:extra")]
    [InlineData("customs-officer@country")]
    public void A_malformed_grant_is_not_read(string text)
    {
        Assert.Null(Grant.TryParse(text));
    }

    [Fact]
    public void An_officer_holds_the_permission_only_in_its_country()
    {
        var officer = CallerWith("customs-officer@country:KZ");

        Assert.True(officer.Has(Decide));
        Assert.True(officer.Has(Decide, Scope.Country("KZ")));
        Assert.False(officer.Has(Decide, Scope.Country("CN")));
        Assert.Equal(["KZ"], officer.CountriesFor(Decide));
    }

    [Fact]
    public void A_trader_does_not_hold_what_its_role_was_not_given()
    {
        var trader = CallerWith("trader@organisation:o1");

        Assert.True(trader.Has(View));
        Assert.False(trader.Has(Decide));
        Assert.Empty(trader.ScopesFor(Decide));
    }

    [Fact]
    public void A_platform_grant_reaches_every_scope()
    {
        var admin = CallerWith("administrator@platform");

        Assert.True(admin.Has(View, Scope.Country("TM")));
        Assert.True(admin.HoldsPlatformWide(View));
    }

    [Fact]
    public void An_anonymous_caller_holds_nothing_even_with_grant_claims()
    {
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(Grant.ClaimType, "administrator@platform")]));
        var caller = new Caller(principal, new RolePermissionMap([new TestRolePermissions()]));

        Assert.Equal(CallerKind.Anonymous, caller.Kind);
        Assert.False(caller.Has(View));
    }

    [Theory]
    [InlineData("customs-officer@country:KZ", true)]
    [InlineData("customs-officer@office:khorgos-1", true)]
    [InlineData("customs-officer@organisation:o1", false)]
    [InlineData("trader@country:KZ", false)]
    [InlineData("nobody@platform", false)]
    public void A_role_is_granted_only_within_its_kind_of_scope(string grant, bool valid)
    {
        Assert.Equal(valid, RoleDefinition.IsValid(Grant.TryParse(grant)!.Value));
    }

    [Fact]
    public void A_module_granting_to_an_unknown_role_is_refused_at_start()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new RolePermissionMap([new UnknownRolePermissions()]));

        Assert.Contains("unknown role 'customs-chief'", error.Message, StringComparison.Ordinal);
    }

    private sealed class UnknownRolePermissions : IRolePermissions
    {
        public IEnumerable<(string Role, Permission Permission)> Grants() => [("customs-chief", View)];
    }
}
