using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Caravan.Trade.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddControlAssessments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "control_assessments",
                schema: "trade",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ControlId = table.Column<Guid>(type: "uuid", nullable: false),
                    DeclarationVersion = table.Column<int>(type: "integer", nullable: false),
                    AssessedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Channel = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Score = table.Column<int>(type: "integer", nullable: false),
                    ProfileVersion = table.Column<int>(type: "integer", nullable: true),
                    Explanation = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_control_assessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_control_assessments_customs_controls_ControlId",
                        column: x => x.ControlId,
                        principalSchema: "trade",
                        principalTable: "customs_controls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_control_assessments_ControlId_AssessedAt",
                schema: "trade",
                table: "control_assessments",
                columns: new[] { "ControlId", "AssessedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "control_assessments",
                schema: "trade");
        }
    }
}
