using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Caravan.Trade.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddDeclarationVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "declaration_versions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConsignmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Declaration = table.Column<string>(type: "TEXT", nullable: false),
                    Changes = table.Column<string>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_declaration_versions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_declaration_versions_consignments_ConsignmentId",
                        column: x => x.ConsignmentId,
                        principalTable: "consignments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_declaration_versions_ConsignmentId_Version",
                table: "declaration_versions",
                columns: new[] { "ConsignmentId", "Version" },
                unique: true);

            // Consignments lodged before versions were kept: their declaration is version 1, as lodged.
            migrationBuilder.Sql(
                """
                INSERT INTO declaration_versions ("Id", "ConsignmentId", "Version", "Kind", "Declaration", "Changes", "RecordedAt", "RecordedBy")
                SELECT upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-a' || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))),
                       "Id", 1, 'lodged', "Declaration", '[]', "LodgedAt", "LodgedBy"
                FROM consignments;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "declaration_versions");
        }
    }
}
