using Caravan.Origin.Contracts;
using Caravan.Trade.Contracts;

namespace Caravan.Origin.Pages.Applications;

/// <summary>What the shared application form draws: the values, the errors by field, and what may be chosen.</summary>
/// <param name="FixedIssuer">When resubmitting: the issuing body, which cannot change any more.</param>
/// <param name="FillAction">Where the "Fill from consignment" form goes (the same page, with ?consignment=).</param>
internal sealed record ApplicationFormView(
    ApplicationForm Form,
    IReadOnlyDictionary<string, string[]> Errors,
    OriginDisplay Display,
    IReadOnlyList<TrustedIssuerView> Issuers,
    IReadOnlyList<ConsignmentView> Consignments,
    TrustedIssuerView? FixedIssuer,
    string FillAction,
    string SubmitLabel)
{
    public bool HasError(string field) => Errors.ContainsKey(field);

    public string ErrorText(string field) => Errors.TryGetValue(field, out var m) ? string.Join(" ", m) : string.Empty;
}
