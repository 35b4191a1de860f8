using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Caravan.Trade.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InitialTrade : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "trade");

            migrationBuilder.CreateTable(
                name: "consignments",
                schema: "trade",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Reference = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    LodgedByOrganisation = table.Column<Guid>(type: "uuid", nullable: false),
                    LodgedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CountryOfDispatch = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    CountryOfDestination = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Declaration = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    LodgedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    IdempotencyKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    RequestHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_consignments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "customs_controls",
                schema: "trade",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ConsignmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    Country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Role = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    State = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    EntryCrossingId = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    ExitCrossingId = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_customs_controls", x => x.Id);
                    table.ForeignKey(
                        name: "FK_customs_controls_consignments_ConsignmentId",
                        column: x => x.ConsignmentId,
                        principalSchema: "trade",
                        principalTable: "consignments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_consignments_LodgedByOrganisation_IdempotencyKey",
                schema: "trade",
                table: "consignments",
                columns: new[] { "LodgedByOrganisation", "IdempotencyKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_consignments_Reference",
                schema: "trade",
                table: "consignments",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_customs_controls_ConsignmentId",
                schema: "trade",
                table: "customs_controls",
                column: "ConsignmentId");

            migrationBuilder.CreateIndex(
                name: "IX_customs_controls_Country_State",
                schema: "trade",
                table: "customs_controls",
                columns: new[] { "Country", "State" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "customs_controls",
                schema: "trade");

            migrationBuilder.DropTable(
                name: "consignments",
                schema: "trade");
        }
    }
}
