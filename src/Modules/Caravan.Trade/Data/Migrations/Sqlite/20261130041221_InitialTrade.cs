using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Caravan.Trade.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialTrade : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "consignments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    LodgedByOrganisation = table.Column<Guid>(type: "TEXT", nullable: false),
                    LodgedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CountryOfDispatch = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    CountryOfDestination = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Declaration = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    LodgedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RequestHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consignments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "customs_controls",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConsignmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    EntryCrossingId = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    ExitCrossingId = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_customs_controls", x => x.Id);
                    table.ForeignKey(
                        name: "FK_customs_controls_consignments_ConsignmentId",
                        column: x => x.ConsignmentId,
                        principalTable: "consignments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_consignments_LodgedByOrganisation_IdempotencyKey",
                table: "consignments",
                columns: new[] { "LodgedByOrganisation", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_consignments_Reference",
                table: "consignments",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_customs_controls_ConsignmentId",
                table: "customs_controls",
                column: "ConsignmentId");

            migrationBuilder.CreateIndex(
                name: "IX_customs_controls_Country_State",
                table: "customs_controls",
                columns: new[] { "Country", "State" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "customs_controls");

            migrationBuilder.DropTable(
                name: "consignments");
        }
    }
}
