using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Caravan.Trade.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddDeclarationVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "declaration_versions",
                schema: "trade",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ConsignmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Declaration = table.Column<string>(type: "text", nullable: false),
                    Changes = table.Column<string>(type: "text", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_declaration_versions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_declaration_versions_consignments_ConsignmentId",
                        column: x => x.ConsignmentId,
                        principalSchema: "trade",
                        principalTable: "consignments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_declaration_versions_ConsignmentId_Version",
                schema: "trade",
                table: "declaration_versions",
                columns: new[] { "ConsignmentId", "Version" },
                unique: true);

            // Consignments lodged before versions were kept: their declaration is version 1, as lodged.
            migrationBuilder.Sql(
                """
                INSERT INTO trade.declaration_versions ("Id", "ConsignmentId", "Version", "Kind", "Declaration", "Changes", "RecordedAt", "RecordedBy")
                SELECT gen_random_uuid(), "Id", 1, 'lodged', "Declaration", '[]', "LodgedAt", "LodgedBy"
                FROM trade.consignments;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "declaration_versions",
                schema: "trade");
        }
    }
}
