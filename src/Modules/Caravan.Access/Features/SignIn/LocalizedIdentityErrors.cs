using Caravan.Access.Pages;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Caravan.Access.Features.SignIn;

/// <summary>Identity's refusals (password rules, taken addresses) in the reader's language.</summary>
internal sealed class LocalizedIdentityErrors(IStringLocalizer<AccessStrings> t) : IdentityErrorDescriber
{
    private IdentityError Error(string code, string key, params object[] arguments) => new() { Code = code, Description = t[key, arguments] };

    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), "identity.password.short", length);

    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), "identity.password.digit");

    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), "identity.password.lower");

    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), "identity.password.upper");

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), "identity.password.unique", uniqueChars);

    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), "identity.email.taken", email);

    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), "identity.email.taken", userName);

    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), "identity.email.invalid", email ?? string.Empty);

    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), "identity.email.invalid", userName ?? string.Empty);
}
