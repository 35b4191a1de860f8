namespace Caravan.Reference.Features.ImportReferenceData;

/// <summary>What the hosts (web start-up, <c>caravan reference import</c>) call to load the reference data.</summary>
public interface IReferenceDataImport
{
    /// <param name="dataPath">A folder with the CSV files of the repository's <c>data/</c> folder.</param>
    /// <exception cref="FormatException">A file is malformed; the message names the file and the line. Nothing of that dataset was changed.</exception>
    Task<IReadOnlyList<DatasetImportResult>> ImportAsync(string dataPath, CancellationToken cancellationToken = default);
}

public static class ReferenceDatasets
{
    public const string Countries = "countries";
    public const string HsNomenclature = "hs-nomenclature";
    public const string Locations = "locations";
    public const string BorderCrossings = "border-crossings";

    public static readonly IReadOnlyList<string> All = [Countries, HsNomenclature, Locations, BorderCrossings];
}
