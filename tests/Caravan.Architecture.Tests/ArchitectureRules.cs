using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Caravan.Architecture.Tests;

/// <summary>
/// The rules of the modular monolith. Each returns the violations it finds, one readable line each, so that a test
/// can assert "none" on the real code and "some" on a known-bad input.
/// </summary>
internal static partial class ArchitectureRules
{
    /// <summary>Caravan assemblies that are not modules: the kernel, the two hosts and the traffic simulator they share.</summary>
    private static readonly HashSet<string> NotModules = new(StringComparer.Ordinal) { "Caravan.Platform", "Caravan.Web", "Caravan.Cli", "Caravan.Simulation" };

    /// <summary>
    /// A module is any <c>Caravan.*</c> assembly that is not the kernel, a host, a test project or a separate
    /// contracts assembly (<c>Caravan.X.Contracts</c>, should a module ever split its contracts out).
    /// </summary>
    public static bool IsModule(string? assemblyName) =>
        assemblyName is not null
        && assemblyName.StartsWith("Caravan.", StringComparison.Ordinal)
        && !NotModules.Contains(assemblyName)
        && !assemblyName.EndsWith(".Tests", StringComparison.Ordinal)
        && !assemblyName.EndsWith(".Contracts", StringComparison.Ordinal)
        && assemblyName != "Caravan.Testing";

    /// <summary>The kernel must not know any module: every module builds on it, never the other way round.</summary>
    public static IReadOnlyList<string> ModuleAssembliesReferencedBy(Assembly assembly)
    {
        var name = assembly.GetName().Name;
        return [.. assembly.GetReferencedAssemblies()
            .Where(r => IsModule(r.Name) && r.Name != name)
            .Select(r => $"{name} references the module assembly {r.Name}")
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// A module uses another module only through that module's <c>Contracts</c> namespace. Read from the
    /// assembly's metadata (its type references), so it names each type used across the boundary.
    /// </summary>
    public static IReadOnlyList<string> OtherModulesInternalsUsedBy(Assembly assembly)
    {
        var name = assembly.GetName().Name!;
        using var stream = File.OpenRead(assembly.Location);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var violations = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var handle in metadata.TypeReferences)
        {
            var (ns, typeName, target) = Outermost(metadata, metadata.GetTypeReference(handle));
            if (target is null || target == name || !IsModule(target))
            {
                continue;
            }

            if (ns != $"{target}.Contracts" && !ns.StartsWith($"{target}.Contracts.", StringComparison.Ordinal))
            {
                violations.Add($"{name} uses {ns}.{typeName} of the module {target}; use {target}.Contracts instead");
            }
        }

        return [.. violations];
    }

    private static (string Namespace, string Name, string? Assembly) Outermost(MetadataReader metadata, TypeReference reference)
    {
        while (reference.ResolutionScope.Kind == HandleKind.TypeReference)
        {
            reference = metadata.GetTypeReference((TypeReferenceHandle)reference.ResolutionScope);
        }

        var assembly = reference.ResolutionScope.Kind == HandleKind.AssemblyReference
            ? metadata.GetString(metadata.GetAssemblyReference((AssemblyReferenceHandle)reference.ResolutionScope).Name)
            : null;
        return (metadata.GetString(reference.Namespace), metadata.GetString(reference.Name), assembly);
    }

    /// <summary>Project references from a .csproj into <paramref name="modulesRoot"/>, other than to itself.</summary>
    public static IReadOnlyList<string> ModuleProjectsReferencedBy(string projectPath, string projectXml, string modulesRoot)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(projectPath))!;
        var root = Path.GetFullPath(modulesRoot).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return [.. XDocument.Parse(projectXml).Descendants("ProjectReference")
            .Select(r => (string?)r.Attribute("Include"))
            .OfType<string>()
            .Select(include => Path.GetFullPath(Path.Combine(directory, include.Replace('\\', Path.DirectorySeparatorChar))))
            .Where(target => target.StartsWith(root, StringComparison.Ordinal) && target != Path.GetFullPath(projectPath))
            .Select(target => $"{Path.GetFileName(projectPath)} references the module project {Path.GetFileName(target)}")
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// What a module shows other assemblies: its contracts (<c>Root.Contracts</c>), its registration in the root
    /// namespace, and an explicit list of host-facing types. EF Core migrations are exempt (the tooling generates
    /// them public; nothing calls them). Anything else public is a violation.
    /// </summary>
    public static IReadOnlyList<string> PublicTypesOutsideTheModuleSurface(IEnumerable<Type> exportedTypes, string moduleRoot, IReadOnlySet<string> allowed)
    {
        var types = exportedTypes.ToList();
        var contractEnums = EnumsInContractSignatures(types, moduleRoot);
        return [.. types
            .Where(t => t.Namespace != moduleRoot
                        && !IsInNamespace(t, $"{moduleRoot}.Contracts")
                        && !allowed.Contains(t.FullName!)
                        && !typeof(Migration).IsAssignableFrom(t)
                        && !(t.IsEnum && IsInNamespace(t, $"{moduleRoot}.Domain") && contractEnums.Contains(t)))
            .Select(t => $"{t.FullName} is public outside {moduleRoot}.Contracts")
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// A module's entities (<c>Root.Domain</c>) and its database contexts are its own: internal, wherever they
    /// live. The one exception is an enum that a contract exposes.
    /// </summary>
    public static IReadOnlyList<string> PublicPersistenceTypes(IEnumerable<Type> exportedTypes, string moduleRoot)
    {
        var types = exportedTypes.ToList();
        var contractEnums = EnumsInContractSignatures(types, moduleRoot);
        return [.. types
            .Where(t => typeof(DbContext).IsAssignableFrom(t)
                        || (IsInNamespace(t, $"{moduleRoot}.Domain") && !(t.IsEnum && contractEnums.Contains(t))))
            .Select(t => typeof(DbContext).IsAssignableFrom(t)
                ? $"{t.FullName} is a public DbContext"
                : $"{t.FullName} is a public type of the domain model")
            .Order(StringComparer.Ordinal)];
    }

    private static bool IsInNamespace(Type type, string ns) =>
        type.Namespace is { } n && (n == ns || n.StartsWith(ns + ".", StringComparison.Ordinal));

    /// <summary>Enums that appear in a public signature of a contract type (properties, fields, methods, constructors).</summary>
    private static HashSet<Type> EnumsInContractSignatures(IEnumerable<Type> exportedTypes, string moduleRoot)
    {
        const BindingFlags Public = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var enums = new HashSet<Type>();
        foreach (var contract in exportedTypes.Where(t => IsInNamespace(t, $"{moduleRoot}.Contracts")))
        {
            var used = contract.GetProperties(Public).Select(p => p.PropertyType)
                .Concat(contract.GetFields(Public).Select(f => f.FieldType))
                .Concat(contract.GetMethods(Public).SelectMany(m => m.GetParameters().Select(p => p.ParameterType).Append(m.ReturnType)))
                .Concat(contract.GetConstructors(Public).SelectMany(c => c.GetParameters().Select(p => p.ParameterType)));
            foreach (var type in used.SelectMany(Unwrap))
            {
                if (type.IsEnum)
                {
                    enums.Add(type);
                }
            }
        }

        return enums;
    }

    private static IEnumerable<Type> Unwrap(Type type)
    {
        if (type.HasElementType)
        {
            return Unwrap(type.GetElementType()!);
        }

        return type.IsGenericType ? type.GetGenericArguments().SelectMany(Unwrap).Prepend(type) : [type];
    }

    /// <summary>
    /// The clock is injected (<see cref="TimeProvider"/>) so that tests and time zones are in control of "now".
    /// Comment lines are skipped; everything else that reads <c>DateTime.Now/UtcNow/Today</c> or
    /// <c>DateTimeOffset.Now/UtcNow</c> is reported with its line.
    /// </summary>
    public static IReadOnlyList<string> ClockReads(string file, string source)
    {
        var violations = new List<string>();
        var lines = source.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.StartsWith("//", StringComparison.Ordinal) || line.StartsWith('*'))
            {
                continue;
            }

            foreach (Match match in ClockRead().Matches(line))
            {
                violations.Add($"{file}:{i + 1}: {match.Value} (inject TimeProvider instead)");
            }
        }

        return violations;
    }

    [GeneratedRegex(@"\b(?:DateTime\s*\.\s*(?:Now|UtcNow|Today)|DateTimeOffset\s*\.\s*(?:Now|UtcNow))\b", RegexOptions.CultureInvariant)]
    private static partial Regex ClockRead();
}
