using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Caravan.Reference.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HsSearchTranslationsAndSynonyms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NameZh",
                table: "hs_sections",
                type: "TEXT",
                maxLength: 512,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "DescriptionRuUnofficial",
                table: "hs_entries",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "DescriptionZh",
                table: "hs_entries",
                type: "TEXT",
                maxLength: 1024,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "hs_synonyms",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Terms = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hs_synonyms", x => new { x.Code, x.Language });
                    table.ForeignKey(
                        name: "FK_hs_synonyms_hs_entries_Code",
                        column: x => x.Code,
                        principalTable: "hs_entries",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "hs_synonyms");

            migrationBuilder.DropColumn(
                name: "NameZh",
                table: "hs_sections");

            migrationBuilder.DropColumn(
                name: "DescriptionRuUnofficial",
                table: "hs_entries");

            migrationBuilder.DropColumn(
                name: "DescriptionZh",
                table: "hs_entries");
        }
    }
}
