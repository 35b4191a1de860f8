namespace Caravan.Access.Contracts;

/// <summary>Who the platform takes the caller to be: a person or a machine client, their organisation and grants.</summary>
public sealed record CallerInfo(string Kind, string? Id, string? Name, string? ClientId, string? OrganisationId, IReadOnlyList<string> Grants);
