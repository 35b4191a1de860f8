using Caravan.Platform.Security;

namespace Caravan.Platform.Audit;

public static class CallerAudit
{
    /// <summary>An audit record of what this caller did: who, through which client, for which organisation, from where.</summary>
    public static AuditRecord Did(this Caller caller, string action, string entityType, string entityId, object? change = null)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var kind = caller.Kind switch
        {
            CallerKind.User => AuditActorKind.User,
            CallerKind.Client => AuditActorKind.Client,
            _ => AuditActorKind.Anonymous,
        };
        return new AuditRecord(kind, caller.Id ?? "anonymous", action, entityType, entityId)
        {
            ClientId = caller.ClientId,
            OrganisationId = caller.OrganisationId,
            Change = change,
            RemoteAddress = caller.RemoteAddress,
        };
    }
}
