using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Caravan.Reference.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class HsSearchTranslationsAndSynonyms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NameZh",
                schema: "reference",
                table: "hs_sections",
                type: "character varying(512)",
                maxLength: 512,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "DescriptionRuUnofficial",
                schema: "reference",
                table: "hs_entries",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "DescriptionZh",
                schema: "reference",
                table: "hs_entries",
                type: "character varying(1024)",
                maxLength: 1024,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "hs_synonyms",
                schema: "reference",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Language = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Terms = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hs_synonyms", x => new { x.Code, x.Language });
                    table.ForeignKey(
                        name: "FK_hs_synonyms_hs_entries_Code",
                        column: x => x.Code,
                        principalSchema: "reference",
                        principalTable: "hs_entries",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "hs_synonyms",
                schema: "reference");

            migrationBuilder.DropColumn(
                name: "NameZh",
                schema: "reference",
                table: "hs_sections");

            migrationBuilder.DropColumn(
                name: "DescriptionRuUnofficial",
                schema: "reference",
                table: "hs_entries");

            migrationBuilder.DropColumn(
                name: "DescriptionZh",
                schema: "reference",
                table: "hs_entries");
        }
    }
}
