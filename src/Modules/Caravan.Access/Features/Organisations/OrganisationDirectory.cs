using Caravan.Access.Contracts;
using Caravan.Access.Data;
using Caravan.Access.Domain;
using Caravan.Platform.Audit;
using Caravan.Platform.Security;
using Caravan.Reference.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Caravan.Access.Features.Organisations;

internal sealed class OrganisationDirectory(AccessDbContext db, TimeProvider clock, IAuditLog audit, IBorderCrossingDirectory crossings) : IOrganisationDirectory
{
    public async Task<IReadOnlyList<OrganisationInfo>> ListVisibleAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        var rows = await Visible(caller).OrderBy(o => o.Country).ThenBy(o => o.Kind).ThenBy(o => o.Name).ToListAsync(cancellationToken);
        return rows.Select(ToInfo).ToList();
    }

    public async Task<OrganisationLookup> FindAsync(Caller caller, Guid id, CancellationToken cancellationToken = default)
    {
        var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organisation is null)
        {
            return new OrganisationLookup(Visibility.NotFound, null);
        }

        var visible = await Visible(caller).AnyAsync(o => o.Id == id, cancellationToken);
        return visible ? new OrganisationLookup(Visibility.Found, ToInfo(organisation)) : new OrganisationLookup(Visibility.OutOfScope, null);
    }

    public async Task<(OrganisationInfo? Created, IReadOnlyDictionary<string, string[]> Errors)> CreateAsync(NewOrganisation request, Caller caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(caller);
        var errors = new Dictionary<string, string[]>();
        var name = request.Name?.Trim();
        if (request.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors["kind"] = [$"is required: one of {string.Join(", ", Enum.GetNames<OrganisationKind>())}."];
            kind = default;
        }

        if (string.IsNullOrEmpty(name) || name.Length > 300)
        {
            errors["name"] = ["is required, at most 300 characters."];
        }

        string? country = null;
        if (kind != OrganisationKind.Secretariat || !string.IsNullOrWhiteSpace(request.Country))
        {
            var parsed = ReferenceCodes.ParseCountryCode(request.Country);
            if (!parsed.IsValid)
            {
                errors["country"] = [parsed.Error!];
            }
            else if (!ReferenceCodes.MemberStates.Contains(parsed.Value!))
            {
                errors["country"] = [$"{parsed.Value} is not a member state; use one of {string.Join(", ", ReferenceCodes.MemberStates)}."];
            }
            else
            {
                country = parsed.Value;
            }
        }

        string? identifier = null;
        if (kind == OrganisationKind.Trader)
        {
            if (request.TraderFunctions == TraderFunctions.None)
            {
                errors["traderFunctions"] = ["a trader is at least one of Exporter, Importer, Broker, Forwarder."];
            }

            if (country is not null)
            {
                var parsed = NationalIdentifiers.Parse(country, request.NationalIdentifier);
                if (parsed.IsValid)
                {
                    identifier = parsed.Value;
                }
                else
                {
                    errors["nationalIdentifier"] = [parsed.Error!];
                }
            }
        }
        else if (!string.IsNullOrWhiteSpace(request.NationalIdentifier) && country is not null)
        {
            var parsed = NationalIdentifiers.Parse(country, request.NationalIdentifier);
            identifier = parsed.IsValid ? parsed.Value : null;
            if (!parsed.IsValid)
            {
                errors["nationalIdentifier"] = [parsed.Error!];
            }
        }

        if (kind == OrganisationKind.CustomsOffice)
        {
            var parent = request.ParentId is { } parentId ? await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == parentId, cancellationToken) : null;
            if (parent is null || parent.Kind != OrganisationKind.CustomsAdministration || parent.Country != country)
            {
                errors["parentId"] = ["a customs office belongs to the customs administration of its country; give that administration's id."];
            }
        }

        string? crossingId = null;
        if (!string.IsNullOrWhiteSpace(request.BorderCrossingId))
        {
            var value = request.BorderCrossingId.Trim().ToUpperInvariant();
            if (kind != OrganisationKind.CustomsOffice)
            {
                errors["borderCrossingId"] = ["only a customs office stands at a border crossing."];
            }
            else if (value.Length > 16 || await crossings.FindAsync(value, cancellationToken) is not { } crossing)
            {
                errors["borderCrossingId"] = [$"'{ReferenceCodes.Truncate(value)}' is not a border crossing; GET /api/v1/border-crossings lists them (e.g. CN-KZ-01)."];
            }
            else if (country is not null && !crossing.Involves(country))
            {
                errors["borderCrossingId"] = [$"{value} has no post in {country}."];
            }
            else
            {
                crossingId = value;
            }
        }

        if (identifier is not null && errors.Count == 0
            && await db.Organisations.AnyAsync(o => o.Country == country && o.NationalIdentifier == identifier, cancellationToken))
        {
            errors["nationalIdentifier"] = [$"an organisation with {identifier} is already registered in {country}."];
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var organisation = new Organisation
        {
            Id = Guid.NewGuid(),
            Kind = kind,
            Name = name!,
            Country = country,
            NationalIdentifier = identifier,
            TraderFunctions = kind == OrganisationKind.Trader ? request.TraderFunctions : TraderFunctions.None,
            ParentId = kind == OrganisationKind.CustomsOffice ? request.ParentId : null,
            BorderCrossingId = crossingId,
            CreatedAt = clock.GetUtcNow(),
        };
        // The organisation and its audit entry commit together, or neither does.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync(cancellationToken);
        var info = ToInfo(organisation);
        await audit.AppendAsync(caller.Did("access.organisation.created", "organisation", organisation.Id.ToString(), info), db, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (info, errors);
    }

    /// <summary>
    /// The organisations a caller may see: all of them with a platform-wide grant; otherwise their own
    /// organisations and those of the countries they act for. No grant, no rows.
    /// </summary>
    private IQueryable<Organisation> Visible(Caller caller)
    {
        var query = db.Organisations.AsNoTracking();
        if (caller.HoldsPlatformWide(AccessPermissions.ViewOrganisations))
        {
            return query;
        }

        var scopes = caller.ScopesFor(AccessPermissions.ViewOrganisations);
        // An office is an organisation of its own (a post of its administration): its officers see that office.
        var organisations = scopes.Where(s => s.Kind is ScopeKind.Organisation or ScopeKind.Office && Guid.TryParse(s.Id, out _)).Select(s => Guid.Parse(s.Id!)).ToList();
        var countries = scopes.Where(s => s.Kind == ScopeKind.Country).Select(s => s.Id!).ToList();
        return query.Where(o => organisations.Contains(o.Id) || (o.Country != null && countries.Contains(o.Country)));
    }

    internal static OrganisationInfo ToInfo(Organisation o) =>
        new(o.Id, o.Kind, o.Name, o.Country, o.NationalIdentifier, o.TraderFunctions, o.ParentId, o.BorderCrossingId);
}
