using Caravan.Platform.Security;

namespace Caravan.Trade.Contracts;

/// <summary>
/// Consignments as another module may read them, under the same scope filter as the Trade API: the Origin module
/// fills a certificate application from the exporter's consignment and checks who may attach a certificate to it.
/// </summary>
public interface IConsignmentDirectory
{
    /// <summary>The consignment if the caller may see it; null if it does not exist or is out of the caller's scope.</summary>
    Task<ConsignmentView?> FindAsync(Caller caller, Guid id, CancellationToken cancellationToken = default);

    /// <summary>A control with its consignment, if the caller may see the consignment.</summary>
    Task<(ConsignmentView Consignment, CustomsControlView Control)?> FindControlAsync(Caller caller, Guid controlId, CancellationToken cancellationToken = default);

    /// <summary>Whether the caller is (acting for) the trader that lodged it.</summary>
    Task<bool> LodgedByAsync(Caller caller, Guid id, CancellationToken cancellationToken = default);

    /// <summary>The newest consignments the caller's organisation lodged and has not withdrawn, newest first (to pick one from).</summary>
    Task<IReadOnlyList<ConsignmentView>> ListLodgedAsync(Caller caller, int limit, CancellationToken cancellationToken = default);
}

/// <summary>
/// A check another module makes on the documents attached to a consignment, for one customs control, and records
/// (the Origin module verifies the certificates of origin). Trade shows the results on the officer's control page
/// without knowing what the documents are.
/// </summary>
public interface IControlDocumentChecks
{
    Task<IReadOnlyList<DocumentCheck>> CheckAsync(ControlContext control, Caller caller, CancellationToken cancellationToken = default);
}

/// <param name="Role">export, transit or import.</param>
public sealed record ControlContext(Guid ConsignmentId, Guid ControlId, string Country, string Role);

/// <summary>One document's result as the officer reads it.</summary>
/// <param name="Kind">certificate-of-origin, …</param>
/// <param name="Verdict">valid or invalid.</param>
/// <param name="Findings">Each question asked and its answer, in the officer's language.</param>
/// <param name="Link">Where the officer reads the document itself.</param>
public sealed record DocumentCheck(string Kind, string Reference, string Verdict, IReadOnlyList<DocumentFinding> Findings, DateTimeOffset CheckedAt, string? Link);

/// <param name="Outcome">passed, failed or not-checked.</param>
public sealed record DocumentFinding(string Question, string Outcome, string Answer);
