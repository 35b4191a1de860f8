using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Caravan.Trade.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddDecisionIdempotencyKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_control_decisions_ControlId",
                schema: "trade",
                table: "control_decisions");

            migrationBuilder.AddColumn<string>(
                name: "IdempotencyKey",
                schema: "trade",
                table: "control_decisions",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RequestHash",
                schema: "trade",
                table: "control_decisions",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_control_decisions_ControlId_IdempotencyKey",
                schema: "trade",
                table: "control_decisions",
                columns: new[] { "ControlId", "IdempotencyKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_control_decisions_ControlId_IdempotencyKey",
                schema: "trade",
                table: "control_decisions");

            migrationBuilder.DropColumn(
                name: "IdempotencyKey",
                schema: "trade",
                table: "control_decisions");

            migrationBuilder.DropColumn(
                name: "RequestHash",
                schema: "trade",
                table: "control_decisions");

            migrationBuilder.CreateIndex(
                name: "IX_control_decisions_ControlId",
                schema: "trade",
                table: "control_decisions",
                column: "ControlId");
        }
    }
}
