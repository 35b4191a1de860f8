namespace Caravan.Reference.Domain;

/// <summary>
/// The record of one imported dataset. <see cref="Version"/> is the SHA-256 of its source files, so an import of
/// the same files changes nothing and an import of newer files updates the rows in place.
/// </summary>
internal sealed class ReferenceDataset
{
    public required string Name { get; set; }

    public required string Version { get; set; }

    public required string Edition { get; set; }

    public int RowCount { get; set; }

    public DateTimeOffset ImportedAt { get; set; }
}
