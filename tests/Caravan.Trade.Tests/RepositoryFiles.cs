namespace Caravan.Trade.Tests;

internal static class RepositoryFiles
{
    /// <summary>The repository root: the folder above the test binaries that holds Caravan.slnx.</summary>
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Caravan.slnx")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("Caravan.slnx not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>A file in the repository's data/ folder (not the copy beside the test binaries).</summary>
    public static string Data(string fileName) => Path.Combine(Root, "data", fileName);
}
