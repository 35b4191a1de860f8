namespace Caravan.Trade.Features.DecideOnControl;

/// <summary>
/// What an administration may decide on its control, in which state, and where it leads. A decision not allowed in
/// the current state is refused with the ones that are.
/// </summary>
internal static class ControlStateMachine
{
    public const string PreArrival = "pre-arrival";
    public const string UnderAssessment = "under-assessment";
    public const string DocumentsRequested = "documents-requested";
    public const string Inspection = "inspection";
    public const string Released = "released";
    public const string Refused = "refused";
    public const string Cancelled = "cancelled";

    public static readonly IReadOnlyList<string> Decisions =
        ["accept", "request-documents", "order-documentary-inspection", "order-physical-inspection", "release", "refuse"];

    /// <summary>(decision, from) → (to, channel it sets).</summary>
    private static readonly Dictionary<(string Decision, string From), (string To, string? Channel)> Transitions = new()
    {
        [("accept", PreArrival)] = (UnderAssessment, null),
        [("request-documents", UnderAssessment)] = (DocumentsRequested, null),
        [("request-documents", Inspection)] = (DocumentsRequested, null),
        [("order-documentary-inspection", UnderAssessment)] = (Inspection, "yellow"),
        [("order-documentary-inspection", DocumentsRequested)] = (Inspection, "yellow"),
        [("order-physical-inspection", UnderAssessment)] = (Inspection, "red"),
        [("order-physical-inspection", DocumentsRequested)] = (Inspection, "red"),
        [("order-physical-inspection", Inspection)] = (Inspection, "red"),
        [("release", UnderAssessment)] = (Released, "green"),
        [("release", DocumentsRequested)] = (Released, null),
        [("release", Inspection)] = (Released, null),
        [("refuse", PreArrival)] = (Refused, null),
        [("refuse", UnderAssessment)] = (Refused, null),
        [("refuse", DocumentsRequested)] = (Refused, null),
        [("refuse", Inspection)] = (Refused, null),
    };

    public static (string To, string? Channel)? Next(string decision, string from) =>
        Transitions.TryGetValue((decision, from), out var next) ? next : null;

    public static IReadOnlyList<string> AllowedFrom(string state) =>
        Decisions.Where(d => Transitions.ContainsKey((d, state))).ToList();

    /// <summary>Decisions that must say why (a reason code).</summary>
    public static bool NeedsReason(string decision) => decision is "refuse" or "request-documents" or "order-documentary-inspection" or "order-physical-inspection";
}
