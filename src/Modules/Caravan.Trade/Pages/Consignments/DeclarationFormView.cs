namespace Caravan.Trade.Pages.Consignments;

/// <summary>
/// What the declaration form partial (<c>_DeclarationForm</c>) needs, shared by lodging and amending: the values,
/// the errors by input, how to name fields in the error summary, and what the form submits (its button and the
/// hidden fields that say which lodging or which version it is).
/// </summary>
/// <param name="Hidden">Hidden inputs by name, e.g. the idempotency key of a lodging or the version an amendment is made against.</param>
internal sealed record DeclarationFormView(
    DeclarationForm Form,
    IReadOnlyDictionary<string, string[]> Errors,
    TradeDisplay Display,
    FieldLabels Labels,
    string SubmitLabel,
    string SubmitAction,
    IReadOnlyDictionary<string, string> Hidden)
{
    /// <summary>The id of the message under an input, which the input names in aria-describedby.</summary>
    public static string ErrorId(string field) => DeclarationForm.Id(field) + "-error";

    public bool HasError(string field) => Errors.ContainsKey(field);

    /// <summary>
    /// Puts the declaration's errors on the inputs they concern (through <paramref name="fieldOf"/>), with the
    /// problems the form itself found (numbers that did not read) on theirs.
    /// </summary>
    public static void Collect(Dictionary<string, string[]> into, IReadOnlyDictionary<string, string[]> found, Func<string, string> fieldOf, IReadOnlyDictionary<string, string[]> local)
    {
        foreach (var (field, messages) in found)
        {
            var input = fieldOf(field);
            into[input] = into.TryGetValue(input, out var earlier) ? [.. earlier, .. messages] : messages;
        }

        foreach (var (field, messages) in local)
        {
            into[field] = messages;
        }
    }
}
