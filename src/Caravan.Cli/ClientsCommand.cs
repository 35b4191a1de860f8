using System.CommandLine;
using Caravan.Access.Features.MachineClients;
using Caravan.Platform.Persistence;
using Caravan.Platform.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Caravan.Cli;

/// <summary><c>caravan clients create</c>: registers a machine client (a national customs system, an issuer's system).</summary>
public static class ClientsCommand
{
    public static Command Create(Func<ParseResult, IServiceProvider> services, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var clientId = new Option<string>("--client-id") { Description = "The client's identifier, e.g. kz-astana-1 (letters, digits, '-', '.').", Required = true };
        var name = new Option<string?>("--name") { Description = "A display name, e.g. \"ASTANA-1 national customs system\"." };
        var organisation = new Option<Guid>("--org") { Description = "The id of the organisation the client acts for.", Required = true };
        var grant = new Option<string>("--grant") { Description = "The role and scope, e.g. national-system@country:KZ.", Required = true };
        var publicKey = new Option<FileInfo?>("--public-key") { Description = "A PEM file with the client's public key (EC P-256 or RSA): the client signs assertions (private_key_jwt) with its private key." };
        var secret = new Option<bool>("--dev-secret") { Description = "Instead of a key, generate a client secret (development only); it is printed once." };

        var create = new Command("create", "Register a machine client for the OAuth 2.0 client-credentials grant at /connect/token.")
        {
            clientId, name, organisation, grant, publicKey, secret,
        };
        create.SetAction(async (parse, ct) => await CaravanCli.RunWith(services(parse), error, async sp =>
        {
            if ((await sp.GetRequiredService<DatabaseMigrator>().PendingAsync(ct)).Count > 0)
            {
                await error.WriteLineAsync("error: the database schema is not up to date. Run `caravan db migrate` first.");
                return 2;
            }

            var id = parse.GetValue(clientId)!.Trim();
            if (id.Length is 0 or > 100 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_'))
            {
                await error.WriteLineAsync("error: --client-id may hold only letters, digits, '-', '.' and '_' (at most 100).");
                return 2;
            }

            if (Grant.TryParse(parse.GetValue(grant)) is not { } parsedGrant)
            {
                await error.WriteLineAsync("error: --grant must look like role@scope, e.g. national-system@country:KZ.");
                return 2;
            }

            var keyFile = parse.GetValue(publicKey);
            var pem = keyFile is null ? null : await File.ReadAllTextAsync(keyFile.FullName, ct);
            var created = await sp.GetRequiredService<IMachineClientRegistry>().CreateAsync(
                id, parse.GetValue(name) ?? id, parse.GetValue(organisation), parsedGrant, pem, parse.GetValue(secret), ct);
            await output.WriteLineAsync($"Client {created.ClientId} registered for organisation {created.OrganisationId} with {created.Grant}; authenticates with {created.Authentication}.");
            if (created.Secret is { } value)
            {
                await output.WriteLineAsync($"Client secret (shown once, development only): {value}");
            }

            return 0;
        }));

        return new Command("clients", "Machine clients of the API (national customs systems, issuers' systems).") { create };
    }
}
