using Caravan.Architecture.Tests.Samples.Data;

namespace Caravan.Architecture.Tests;

/// <summary>What a module shows the rest of the program: its contracts, its registration, and a short explicit list.</summary>
public sealed class ModuleSurfaceTests
{
    /// <summary>
    /// Public types in a <c>Features.*</c> namespace that a host needs. The CLI's <c>caravan reference import</c>
    /// runs the import and prints what it did, and reads where the data folder is; the web host's start-up task
    /// does the same. They are operator-facing, not for other modules, so they are not in the contracts.
    /// </summary>
    private static readonly HashSet<string> AllowedHostFacingTypes = new(StringComparer.Ordinal)
    {
        "Caravan.Reference.Features.ImportReferenceData.IReferenceDataImport",
        "Caravan.Reference.Features.ImportReferenceData.ReferenceDatasets",
        "Caravan.Reference.Features.ImportReferenceData.DatasetImportResult",
        "Caravan.Reference.Features.ImportReferenceData.DatasetImportStatus",
        "Caravan.Reference.Features.ImportReferenceData.ReferenceDataOptions",

        // `caravan clients create` registers a national system's client and prints what it registered.
        "Caravan.Access.Features.MachineClients.IMachineClientRegistry",
        "Caravan.Access.Features.MachineClients.MachineClientInfo",

        // `caravan hs evaluate` measures the HS search against the evaluation set and prints the rates (issue 8).
        "Caravan.Reference.Features.HsNomenclature.HsSearchEvaluation",
        "Caravan.Reference.Features.HsNomenclature.HsEvaluationCase",
        "Caravan.Reference.Features.HsNomenclature.HsEvaluationResult",
        "Caravan.Reference.Features.HsNomenclature.HsEvaluationLanguage",
        "Caravan.Reference.Features.HsNomenclature.HsEvaluationReport",
    };

    private const string SamplesRoot = "Caravan.Architecture.Tests.Samples";

    private static Type[] SampleTypes { get; } =
        [.. typeof(SamplesDbContext).Assembly.GetExportedTypes().Where(t => t.Namespace?.StartsWith(SamplesRoot, StringComparison.Ordinal) == true)];

    private static void AssertNone(IEnumerable<string> violations)
    {
        var list = violations.ToList();
        Assert.True(list.Count == 0, string.Join(Environment.NewLine, list));
    }

    [Fact]
    public void A_module_shows_only_its_contracts_its_registration_and_allowed_host_facing_types()
    {
        AssertNone(Codebase.Modules
            .SelectMany(m => ArchitectureRules.PublicTypesOutsideTheModuleSurface(m.GetExportedTypes(), m.GetName().Name!, AllowedHostFacingTypes)));
    }

    [Fact]
    public void Module_entities_and_database_contexts_are_internal()
    {
        AssertNone(Codebase.Modules
            .SelectMany(m => ArchitectureRules.PublicPersistenceTypes(m.GetExportedTypes(), m.GetName().Name!)));
    }

    [Fact]
    public void Every_allowed_host_facing_type_names_a_public_module_type()
    {
        var exported = Codebase.Modules.SelectMany(m => m.GetExportedTypes()).Select(t => t.FullName).ToHashSet(StringComparer.Ordinal);

        Assert.All(AllowedHostFacingTypes, name => Assert.True(exported.Contains(name), $"{name} is no longer a public module type: remove it from the list."));
    }

    [Fact]
    public void The_reference_module_registration_and_contracts_are_public()
    {
        var reference = Codebase.Assemblies["Caravan.Reference"].GetExportedTypes().Select(t => t.FullName).ToList();

        Assert.Contains("Caravan.Reference.ReferenceModule", reference);
        Assert.Contains("Caravan.Reference.Contracts.ICountryDirectory", reference);
        Assert.Contains("Caravan.Reference.Contracts.IHsNomenclature", reference);
        Assert.Contains("Caravan.Reference.Contracts.IBorderCrossingDirectory", reference);
    }

    [Fact]
    public void Without_the_allowed_list_the_host_facing_types_are_reported()
    {
        var violations = Codebase.Modules
            .SelectMany(m => ArchitectureRules.PublicTypesOutsideTheModuleSurface(m.GetExportedTypes(), m.GetName().Name!, new HashSet<string>()))
            .ToList();

        Assert.All(AllowedHostFacingTypes, name => Assert.Contains(violations, v => v.StartsWith($"{name} is public outside ", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_surface_rule_reports_public_feature_domain_and_data_types()
    {
        var violations = ArchitectureRules.PublicTypesOutsideTheModuleSurface(SampleTypes, SamplesRoot, new HashSet<string>());

        Assert.Equal(
            [
                $"{SamplesRoot}.Data.SamplesDbContext is public outside {SamplesRoot}.Contracts",
                $"{SamplesRoot}.Domain.SealKind is public outside {SamplesRoot}.Contracts",
                $"{SamplesRoot}.Domain.Shipment is public outside {SamplesRoot}.Contracts",
                $"{SamplesRoot}.Features.Lodge.LodgeHandler is public outside {SamplesRoot}.Contracts",
            ],
            violations);
    }

    [Fact]
    public void The_surface_rule_accepts_a_feature_type_once_it_is_allowed_by_name()
    {
        var allowed = new HashSet<string>(StringComparer.Ordinal) { $"{SamplesRoot}.Features.Lodge.LodgeHandler" };

        var violations = ArchitectureRules.PublicTypesOutsideTheModuleSurface(SampleTypes, SamplesRoot, allowed);

        Assert.DoesNotContain(violations, v => v.Contains("LodgeHandler", StringComparison.Ordinal));
        Assert.Equal(3, violations.Count);
    }

    [Fact]
    public void The_persistence_rule_reports_a_public_context_entity_and_unexposed_enum_but_not_a_contract_enum()
    {
        var violations = ArchitectureRules.PublicPersistenceTypes(SampleTypes, SamplesRoot);

        Assert.Equal(
            [
                $"{SamplesRoot}.Data.SamplesDbContext is a public DbContext",
                $"{SamplesRoot}.Domain.SealKind is a public type of the domain model",
                $"{SamplesRoot}.Domain.Shipment is a public type of the domain model",
            ],
            violations);
    }
}
