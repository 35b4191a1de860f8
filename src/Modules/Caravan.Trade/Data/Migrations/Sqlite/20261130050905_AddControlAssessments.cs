using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Caravan.Trade.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddControlAssessments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "control_assessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ControlId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DeclarationVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    AssessedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Score = table.Column<int>(type: "INTEGER", nullable: false),
                    ProfileVersion = table.Column<int>(type: "INTEGER", nullable: true),
                    Explanation = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_control_assessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_control_assessments_customs_controls_ControlId",
                        column: x => x.ControlId,
                        principalTable: "customs_controls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_control_assessments_ControlId_AssessedAt",
                table: "control_assessments",
                columns: new[] { "ControlId", "AssessedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "control_assessments");
        }
    }
}
