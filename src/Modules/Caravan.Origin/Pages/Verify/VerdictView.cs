using Caravan.Origin.Contracts;

namespace Caravan.Origin.Pages.Verify;

/// <summary>A verification's answers as the verdict partial draws them (public page, officers' and issuers' pages alike).</summary>
internal sealed record VerdictView(VerificationResult Result, OriginDisplay Display);
