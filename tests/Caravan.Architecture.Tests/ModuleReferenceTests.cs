namespace Caravan.Architecture.Tests;

/// <summary>Who may depend on whom: the kernel on no module, a module on another only through its contracts.</summary>
public sealed class ModuleReferenceTests
{
    private static System.Reflection.Assembly Web => Codebase.Assemblies["Caravan.Web"];

    private static IReadOnlyDictionary<string, System.Reflection.Assembly> Assemblies => Codebase.Assemblies;

    private static string ProjectFile(params string[] parts) => Path.Combine([Codebase.SourceRoot, .. parts]);

    [Fact]
    public void The_hosts_load_every_module_under_src_Modules()
    {
        var moduleFolders = Directory.EnumerateFiles(Codebase.ModulesRoot, "*.csproj", SearchOption.AllDirectories)
            .Select(Path.GetFileNameWithoutExtension)
            .Order(StringComparer.Ordinal);

        Assert.Contains("Caravan.Reference", Codebase.Modules.Select(m => m.GetName().Name));
        Assert.Equal(moduleFolders, Codebase.Modules.Select(m => m.GetName().Name));
    }

    [Fact]
    public void The_kernel_references_no_module_assembly()
    {
        Assert.Empty(ArchitectureRules.ModuleAssembliesReferencedBy(Codebase.KernelAssembly));
    }

    [Fact]
    public void The_kernel_project_references_no_module_project()
    {
        var path = ProjectFile("Caravan.Platform", "Caravan.Platform.csproj");

        Assert.Empty(ArchitectureRules.ModuleProjectsReferencedBy(path, File.ReadAllText(path), Codebase.ModulesRoot));
    }

    [Fact]
    public void No_module_uses_anything_of_another_module_but_its_contracts()
    {
        var violations = Codebase.Modules.SelectMany(ArchitectureRules.OtherModulesInternalsUsedBy).ToList();

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public void The_traffic_simulator_references_no_other_Caravan_assembly()
    {
        // It drives the platform through the public API over HTTP only, like any national system.
        var references = Assemblies["Caravan.Simulation"].GetReferencedAssemblies()
            .Select(r => r.Name)
            .Where(name => name is not null && name.StartsWith("Caravan.", StringComparison.Ordinal));

        Assert.Empty(references);
    }

    [Fact]
    public void The_reference_rule_reports_an_assembly_that_references_a_module()
    {
        var violations = ArchitectureRules.ModuleAssembliesReferencedBy(Web);

        Assert.Contains("Caravan.Web references the module assembly Caravan.Reference", violations);
        Assert.Contains("Caravan.Web references the module assembly Caravan.Access", violations);
    }

    [Fact]
    public void The_project_rule_reports_a_project_that_references_a_module_project()
    {
        var path = ProjectFile("Caravan.Web", "Caravan.Web.csproj");

        var violations = ArchitectureRules.ModuleProjectsReferencedBy(path, File.ReadAllText(path), Codebase.ModulesRoot);

        Assert.Contains("Caravan.Web.csproj references the module project Caravan.Reference.csproj", violations);
        Assert.Contains("Caravan.Web.csproj references the module project Caravan.Access.csproj", violations);
    }

    [Fact]
    public void The_project_rule_resolves_relative_paths_and_ignores_other_projects()
    {
        var path = ProjectFile("Modules", "Caravan.Trade", "Caravan.Trade.csproj");
        const string Xml = """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <ProjectReference Include="../../Caravan.Platform/Caravan.Platform.csproj" />
                <ProjectReference Include="..\Caravan.Reference\Caravan.Reference.csproj" />
              </ItemGroup>
            </Project>
            """;

        var violations = ArchitectureRules.ModuleProjectsReferencedBy(path, Xml, Codebase.ModulesRoot);

        Assert.Equal(["Caravan.Trade.csproj references the module project Caravan.Reference.csproj"], violations);
    }

    [Fact]
    public void The_contracts_rule_reports_a_host_reaching_past_the_contracts_but_not_its_use_of_them()
    {
        var violations = ArchitectureRules.OtherModulesInternalsUsedBy(Web);

        Assert.Contains("Caravan.Web uses Caravan.Reference.ReferenceModule of the module Caravan.Reference; use Caravan.Reference.Contracts instead", violations);
        Assert.DoesNotContain(violations, v => v.Contains("Caravan.Reference.Contracts.", StringComparison.Ordinal));
    }

    [Fact]
    public void The_contracts_rule_reports_the_cli_using_the_import_feature_directly()
    {
        var violations = ArchitectureRules.OtherModulesInternalsUsedBy(Codebase.Assemblies["caravan"]);

        Assert.Contains(violations, v => v.StartsWith("caravan uses Caravan.Reference.Features.ImportReferenceData.IReferenceDataImport ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Caravan.Reference", true)]
    [InlineData("Caravan.Trade", true)]
    [InlineData("Caravan.Origin", true)]
    [InlineData("Caravan.Platform", false)]
    [InlineData("Caravan.Web", false)]
    [InlineData("Caravan.Cli", false)]
    [InlineData("caravan", false)]
    [InlineData("Caravan.Web.Tests", false)]
    [InlineData("Caravan.Testing", false)]
    [InlineData("Caravan.Trade.Contracts", false)]
    [InlineData("Microsoft.EntityFrameworkCore", false)]
    public void A_module_is_a_caravan_assembly_that_is_not_the_kernel_a_host_or_a_test(string assembly, bool isModule)
    {
        Assert.Equal(isModule, ArchitectureRules.IsModule(assembly));
    }
}
