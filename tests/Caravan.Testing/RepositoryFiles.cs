namespace Caravan.Testing;

/// <summary>Files of the repository itself (not the copies the build places beside the test binaries).</summary>
public static class RepositoryFiles
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

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>A file in the repository's data/ folder.</summary>
    public static string Data(string fileName) => PathOf("data", fileName);
}
