using System.Net;
using System.Text.RegularExpressions;

namespace Caravan.Testing;

/// <summary>A demo person (see the README's demo section): e-mail, role, and authenticator key where the role needs one.</summary>
public sealed record DemoPerson(string Email, string Role, string? AuthenticatorKey)
{
    public const string Password = "Caravan-demo-2026";

    public static readonly DemoPerson Administrator = new("admin@demo.caravan", "administrator", "CARAVANDEMOADMINISTRATORKEYAAAAA");
    public static readonly DemoPerson OfficerKz = new("officer.kz@demo.caravan", "customs-officer", "CARAVANDEMOOFFICERKAZAKHSTANKEYA");
    public static readonly DemoPerson OfficerCn = new("officer.cn@demo.caravan", "customs-officer", "CARAVANDEMOOFFICERCHINAKEYAAAAAA");
    public static readonly DemoPerson AnalystKz = new("analyst.kz@demo.caravan", "risk-analyst", "CARAVANDEMOANALYSTKAZAKHSTANKEYA");
    public static readonly DemoPerson IssuerKz = new("issuer.kz@demo.caravan", "certificate-issuer", "CARAVANDEMOISSUERKAZAKHSTANKEYAA");
    public static readonly DemoPerson TraderKz = new("trader.kz@demo.caravan", "trader", null);
    public static readonly DemoPerson TraderCn = new("trader.cn@demo.caravan", "trader", null);
    public static readonly DemoPerson CoordinatorUz = new("coordinator.uz@demo.caravan", "national-coordinator", null);
    public static readonly DemoPerson Programme = new("programme@demo.caravan", "programme-officer", null);
    public static readonly DemoPerson CityXian = new("city.xian@demo.caravan", "city-official", null);
    public static readonly DemoPerson Applicant = new("applicant@demo.caravan", "applicant", null);
    public static readonly DemoPerson Secretariat = new("secretariat@demo.caravan", "secretariat", null);

    public static readonly IReadOnlyList<DemoPerson> All =
        [Administrator, OfficerKz, OfficerCn, AnalystKz, IssuerKz, TraderKz, TraderCn, CoordinatorUz, Programme, CityXian, Applicant, Secretariat];

    public override string ToString() => Email;
}

/// <summary>Signing in over HTTP as a person does: the form, its anti-forgery token, then the authenticator code.</summary>
public static partial class SignIn
{
    public static async Task SignInAsync(HttpClient client, string email, string password, string? authenticatorKey, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var form = await client.GetStringAsync(new Uri("/account/signin", UriKind.Relative));
        using var response = await client.PostAsync(new Uri("/account/signin", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email,
            ["password"] = password,
            ["returnUrl"] = "/",
            ["__RequestVerificationToken"] = Token(form),
        }));
        var location = response.Headers.Location?.OriginalString ?? string.Empty;
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in of {email} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        if (!location.StartsWith("/account/second-factor", StringComparison.Ordinal))
        {
            return;
        }

        if (authenticatorKey is null)
        {
            throw new InvalidOperationException($"{email} needs a second factor but no authenticator key was given.");
        }

        var second = await client.GetStringAsync(new Uri(location, UriKind.Relative));
        using var verified = await client.PostAsync(new Uri(location, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["code"] = Totp.Code(authenticatorKey, (clock ?? TimeProvider.System).GetUtcNow()),
            ["returnUrl"] = "/",
            ["__RequestVerificationToken"] = Token(second),
        }));
        if (verified.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Second factor of {email} answered {(int)verified.StatusCode}.");
        }
    }

    public static Task SignInAsync(HttpClient client, DemoPerson person) =>
        SignInAsync(client, person.Email, DemoPerson.Password, person.AuthenticatorKey);

    public static string Token(string html) =>
        AntiforgeryField().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException("No anti-forgery token on the page.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
