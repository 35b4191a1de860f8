using System.Reflection;

namespace Caravan.Architecture.Tests;

/// <summary>The code under test: the assemblies the hosts load, and the source tree they are built from.</summary>
internal static class Codebase
{
    public const string Kernel = "Caravan.Platform";

    /// <summary>The two hosts; between them they compose every module.</summary>
    public static IReadOnlyList<Assembly> Hosts { get; } = [Assembly.Load("Caravan.Web"), Assembly.Load("caravan")];

    /// <summary>Every Caravan assembly reachable from the hosts (kernel, modules, hosts), by name.</summary>
    public static IReadOnlyDictionary<string, Assembly> Assemblies { get; } = LoadCaravanAssemblies();

    public static Assembly KernelAssembly => Assemblies[Kernel];

    public static IReadOnlyList<Assembly> Modules { get; } =
        [.. Assemblies.Values.Where(a => ArchitectureRules.IsModule(a.GetName().Name)).OrderBy(a => a.GetName().Name, StringComparer.Ordinal)];

    public static DirectoryInfo RepositoryRoot { get; } = FindRepositoryRoot();

    public static string SourceRoot => Path.Combine(RepositoryRoot.FullName, "src");

    public static string ModulesRoot => Path.Combine(SourceRoot, "Modules");

    private static Dictionary<string, Assembly> LoadCaravanAssemblies()
    {
        var found = new Dictionary<string, Assembly>(StringComparer.Ordinal);
        var queue = new Queue<Assembly>(Hosts);
        while (queue.TryDequeue(out var assembly))
        {
            if (!found.TryAdd(assembly.GetName().Name!, assembly))
            {
                continue;
            }

            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                if (reference.Name is { } name && name.StartsWith("Caravan.", StringComparison.Ordinal) && !found.ContainsKey(name))
                {
                    queue.Enqueue(Assembly.Load(reference));
                }
            }
        }

        return found;
    }

    private static DirectoryInfo FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Caravan.slnx")))
            {
                return directory;
            }
        }

        throw new InvalidOperationException($"No Caravan.slnx above {AppContext.BaseDirectory}: the architecture tests run from inside the repository.");
    }

    /// <summary>The C# files under src/ that people write: no generated migrations, no build output.</summary>
    public static IEnumerable<string> HandWrittenSourceFiles() =>
        Directory.EnumerateFiles(SourceRoot, "*.cs", SearchOption.AllDirectories)
            .Where(path => !Path.GetRelativePath(SourceRoot, path)
                .Split(Path.DirectorySeparatorChar)
                .Any(segment => segment is "Migrations" or "bin" or "obj"))
            .Order(StringComparer.Ordinal);

    public static string Relative(string path) => Path.GetRelativePath(RepositoryRoot.FullName, path);
}
