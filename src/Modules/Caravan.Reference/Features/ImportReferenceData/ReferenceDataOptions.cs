namespace Caravan.Reference.Features.ImportReferenceData;

/// <summary>Bound from <c>Caravan:ReferenceData</c>.</summary>
public sealed class ReferenceDataOptions
{
    public const string SectionName = "Caravan:ReferenceData";

    /// <summary>
    /// The folder with the CSV files and PROVENANCE.md. Defaults to the copy of the repository's <c>data/</c>
    /// folder that the build places beside the program.
    /// </summary>
    public string? Path { get; set; }

    /// <summary>Whether a long-running host imports (or updates) the reference data when it starts.</summary>
    public bool ImportOnStart { get; set; } = true;

    public string ResolvePath() =>
        string.IsNullOrWhiteSpace(Path) ? System.IO.Path.Combine(AppContext.BaseDirectory, "data") : System.IO.Path.GetFullPath(Path);
}
