using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Caravan.Platform.Tests;

// What `dotnet ef migrations add CreateConvoys` writes for the SQLite subclass, trimmed by hand: a real migration
// the kernel's DatabaseMigrator applies and reports by name.
[DbContext(typeof(SqliteConvoyDbContext))]
[Migration(Id)]
internal sealed class CreateConvoys : Migration
{
    public const string Id = "20260101000000_CreateConvoys";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "convoys",
            columns: table => new
            {
                Id = table.Column<int>(type: "INTEGER", nullable: false)
                    .Annotation("Sqlite:Autoincrement", true),
                Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_convoys", x => x.Id));
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "convoys");
}

[DbContext(typeof(SqliteConvoyDbContext))]
internal sealed class SqliteConvoyDbContextModelSnapshot : ModelSnapshot
{
    protected override void BuildModel(ModelBuilder modelBuilder)
    {
        modelBuilder.HasAnnotation("ProductVersion", "10.0.15");
        modelBuilder.Entity("Caravan.Platform.Tests.Convoy", b =>
        {
            b.Property<int>("Id").ValueGeneratedOnAdd().HasColumnType("INTEGER");
            b.Property<string>("Name").IsRequired().HasMaxLength(64).HasColumnType("TEXT");
            b.HasKey("Id");
            b.ToTable("convoys");
        });
    }
}
