using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Caravan.Trade.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddDecisionIdempotencyKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_control_decisions_ControlId",
                table: "control_decisions");

            migrationBuilder.AddColumn<string>(
                name: "IdempotencyKey",
                table: "control_decisions",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RequestHash",
                table: "control_decisions",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_control_decisions_ControlId_IdempotencyKey",
                table: "control_decisions",
                columns: new[] { "ControlId", "IdempotencyKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_control_decisions_ControlId_IdempotencyKey",
                table: "control_decisions");

            migrationBuilder.DropColumn(
                name: "IdempotencyKey",
                table: "control_decisions");

            migrationBuilder.DropColumn(
                name: "RequestHash",
                table: "control_decisions");

            migrationBuilder.CreateIndex(
                name: "IX_control_decisions_ControlId",
                table: "control_decisions",
                column: "ControlId");
        }
    }
}
