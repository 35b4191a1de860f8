using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Caravan.Trade.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddReleaseTimes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "control_release_times",
                columns: table => new
                {
                    ControlId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConsignmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CrossingId = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    EntryCrossingId = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    ExitCrossingId = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    TransportMode = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    Aeo = table.Column<bool>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    LodgedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ArrivedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    QueuedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CheckStartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CheckFinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReleasedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RefusedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ExitedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EnteredNextAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ArrivalToQueueSeconds = table.Column<long>(type: "INTEGER", nullable: true),
                    QueueToCheckSeconds = table.Column<long>(type: "INTEGER", nullable: true),
                    CheckSeconds = table.Column<long>(type: "INTEGER", nullable: true),
                    CheckToReleaseSeconds = table.Column<long>(type: "INTEGER", nullable: true),
                    ReleaseToExitSeconds = table.Column<long>(type: "INTEGER", nullable: true),
                    ExitToNextEntrySeconds = table.Column<long>(type: "INTEGER", nullable: true),
                    ArrivalToReleaseSeconds = table.Column<long>(type: "INTEGER", nullable: true),
                    ArrivalToExitSeconds = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_control_release_times", x => x.ControlId);
                });

            migrationBuilder.CreateTable(
                name: "release_time_targets",
                columns: table => new
                {
                    Country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Minutes = table.Column<int>(type: "INTEGER", nullable: false),
                    SetBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SetAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_release_time_targets", x => new { x.Country, x.Channel });
                });

            migrationBuilder.CreateIndex(
                name: "IX_control_release_times_ConsignmentId",
                table: "control_release_times",
                column: "ConsignmentId");

            migrationBuilder.CreateIndex(
                name: "IX_control_release_times_Country_LodgedAt",
                table: "control_release_times",
                columns: new[] { "Country", "LodgedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_control_release_times_CrossingId_LodgedAt",
                table: "control_release_times",
                columns: new[] { "CrossingId", "LodgedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_control_release_times_LodgedAt",
                table: "control_release_times",
                column: "LodgedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "control_release_times");

            migrationBuilder.DropTable(
                name: "release_time_targets");
        }
    }
}
