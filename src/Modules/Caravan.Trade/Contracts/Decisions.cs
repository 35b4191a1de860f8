using Caravan.Risk.Contracts;

namespace Caravan.Trade.Contracts;

/// <summary>One run of an administration's risk engine on a control, with the declaration version it assessed.</summary>
public sealed record ControlAssessmentView(DateTimeOffset AssessedAt, int DeclarationVersion, RiskAssessment Assessment);

/// <param name="Decision">accept, request-documents, order-documentary-inspection, order-physical-inspection, release or refuse.</param>
/// <param name="ReasonCode">Why: required for refusals, document requests and inspections (the administration's own code list).</param>
public sealed record DecisionRequest(string? Decision, string? ReasonCode, string? Note);

/// <summary>A control in an administration's work queue.</summary>
public sealed record QueuedControl(
    Guid ControlId,
    Guid ConsignmentId,
    string ConsignmentReference,
    string Country,
    string Role,
    string State,
    string? Channel,
    string? EntryCrossingId,
    string? ExitCrossingId,
    DateTimeOffset LodgedAt,
    IReadOnlyList<string> AllowedDecisions);
