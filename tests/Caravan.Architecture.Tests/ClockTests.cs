namespace Caravan.Architecture.Tests;

/// <summary>"Now" comes from the injected TimeProvider, so tests and border-post time zones control it.</summary>
public sealed class ClockTests
{
    [Fact]
    public void No_source_under_src_reads_the_clock_directly()
    {
        var files = Codebase.HandWrittenSourceFiles().ToList();

        var violations = files.SelectMany(f => ArchitectureRules.ClockReads(Codebase.Relative(f), File.ReadAllText(f))).ToList();

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
        Assert.Contains(Path.Combine("src", "Caravan.Web", "Program.cs"), files.Select(Codebase.Relative));
        Assert.Contains(Path.Combine("src", "Caravan.Cli", "CaravanCli.cs"), files.Select(Codebase.Relative));
        Assert.Contains(Path.Combine("src", "Modules", "Caravan.Reference", "ReferenceModule.cs"), files.Select(Codebase.Relative));
    }

    [Fact]
    public void The_scan_leaves_out_generated_migrations_and_build_output()
    {
        var files = Codebase.HandWrittenSourceFiles().Select(Codebase.Relative).ToList();

        Assert.DoesNotContain(files, f => f.Contains("Migrations", StringComparison.Ordinal));
        Assert.DoesNotContain(files, f => f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        Assert.Contains(Directory.EnumerateFiles(Codebase.ModulesRoot, "*.cs", SearchOption.AllDirectories), f => f.Contains("Migrations", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("var now = DateTime.UtcNow;", "DateTime.UtcNow")]
    [InlineData("var now = System.DateTime.Now;", "DateTime.Now")]
    [InlineData("if (date < DateTime.Today) return;", "DateTime.Today")]
    [InlineData("Stamp = DateTimeOffset.UtcNow,", "DateTimeOffset.UtcNow")]
    [InlineData("var local = DateTimeOffset.Now.Offset;", "DateTimeOffset.Now")]
    [InlineData("var t = DateTime .UtcNow;", "DateTime .UtcNow")]
    public void The_clock_rule_reports_a_direct_read_with_its_file_and_line(string code, string read)
    {
        var violations = ArchitectureRules.ClockReads("Trade/Lodge.cs", $"namespace Caravan.Trade;\n\n{code}\n");

        Assert.Equal([$"Trade/Lodge.cs:3: {read} (inject TimeProvider instead)"], violations);
    }

    [Theory]
    [InlineData("var now = clock.GetUtcNow();")]
    [InlineData("var epoch = DateTimeOffset.UnixEpoch;")]
    [InlineData("public DateTimeOffset ImportedAt { get; set; }")]
    [InlineData("// never DateTime.UtcNow: inject TimeProvider")]
    [InlineData("/// <remarks>Not DateTimeOffset.Now.</remarks>")]
    [InlineData("var x = DateTime.UtcNowish;")]
    public void The_clock_rule_leaves_the_injected_clock_and_comments_alone(string code)
    {
        Assert.Empty(ArchitectureRules.ClockReads("Trade/Lodge.cs", code));
    }
}
