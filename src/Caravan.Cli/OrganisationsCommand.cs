using System.CommandLine;
using Caravan.Access.Contracts;
using Caravan.Platform.Persistence;
using Caravan.Platform.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Caravan.Cli;

/// <summary><c>caravan organisations list|create</c>: the operator's view of organisations, e.g. to find an id for a client.</summary>
public static class OrganisationsCommand
{
    /// <summary>The operator at the console acts platform-wide, as an administrator; the audit log names them "caravan-cli".</summary>
    internal static Caller Operator(IServiceProvider services) =>
        Caller.Platform("caravan-cli", "console", services.GetRequiredService<RolePermissionMap>());

    public static Command Create(Func<ParseResult, IServiceProvider> services, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        var list = new Command("list", "List the organisations with their ids.");
        list.SetAction(async (parse, ct) => await CaravanCli.RunWith(services(parse), error, async sp =>
        {
            if ((await sp.GetRequiredService<DatabaseMigrator>().PendingAsync(ct)).Count > 0)
            {
                await error.WriteLineAsync("error: the database schema is not up to date. Run `caravan db migrate` first.");
                return 2;
            }

            foreach (var o in await sp.GetRequiredService<IOrganisationDirectory>().ListVisibleAsync(Operator(sp), ct))
            {
                await output.WriteLineAsync($"{o.Id}  {o.Country ?? "--"}  {o.Kind,-22} {o.Name}{(o.NationalIdentifier is null ? string.Empty : $"  ({o.NationalIdentifier})")}");
            }

            return 0;
        }));

        var kind = new Option<OrganisationKind>("--kind") { Description = "CustomsAdministration, CustomsOffice, Trader, IssuingBody, CooperationCentre, City or Secretariat.", Required = true };
        var name = new Option<string>("--name") { Description = "The organisation's name.", Required = true };
        var country = new Option<string?>("--country") { Description = "ISO 3166 code: CN, KZ, KG, TJ, TM or UZ." };
        var identifier = new Option<string?>("--identifier") { Description = "A trader's national identifier (USCC, BIN, INN/TIN)." };
        var functions = new Option<TraderFunctions>("--functions") { Description = "A trader's functions, e.g. \"Exporter, Importer\"." };
        var parent = new Option<Guid?>("--parent") { Description = "For a customs office: its administration's id." };
        var create = new Command("create", "Register an organisation (validated as in the web interface; audited).") { kind, name, country, identifier, functions, parent };
        create.SetAction(async (parse, ct) => await CaravanCli.RunWith(services(parse), error, async sp =>
        {
            var request = new NewOrganisation(parse.GetValue(kind), parse.GetValue(name), parse.GetValue(country), parse.GetValue(identifier), parse.GetValue(functions), parse.GetValue(parent));
            var (created, errors) = await sp.GetRequiredService<IOrganisationDirectory>().CreateAsync(request, Operator(sp), ct);
            if (created is null)
            {
                foreach (var (field, messages) in errors)
                {
                    await error.WriteLineAsync($"error: {field}: {string.Join(" ", messages)}");
                }

                return 2;
            }

            await output.WriteLineAsync($"{created.Id}  {created.Name}");
            return 0;
        }));

        return new Command("organisations", "Organisations: customs administrations and offices, traders, issuing bodies, centres, cities.") { list, create };
    }
}
