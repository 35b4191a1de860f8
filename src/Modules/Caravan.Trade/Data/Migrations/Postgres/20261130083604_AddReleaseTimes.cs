using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Caravan.Trade.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddReleaseTimes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "control_release_times",
                schema: "trade",
                columns: table => new
                {
                    ControlId = table.Column<Guid>(type: "uuid", nullable: false),
                    ConsignmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Reference = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Role = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CrossingId = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    EntryCrossingId = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    ExitCrossingId = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    TransportMode = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    Channel = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    Aeo = table.Column<bool>(type: "boolean", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    LodgedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ArrivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    QueuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CheckStartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CheckFinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReleasedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RefusedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ExitedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EnteredNextAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ArrivalToQueueSeconds = table.Column<long>(type: "bigint", nullable: true),
                    QueueToCheckSeconds = table.Column<long>(type: "bigint", nullable: true),
                    CheckSeconds = table.Column<long>(type: "bigint", nullable: true),
                    CheckToReleaseSeconds = table.Column<long>(type: "bigint", nullable: true),
                    ReleaseToExitSeconds = table.Column<long>(type: "bigint", nullable: true),
                    ExitToNextEntrySeconds = table.Column<long>(type: "bigint", nullable: true),
                    ArrivalToReleaseSeconds = table.Column<long>(type: "bigint", nullable: true),
                    ArrivalToExitSeconds = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_control_release_times", x => x.ControlId);
                });

            migrationBuilder.CreateTable(
                name: "release_time_targets",
                schema: "trade",
                columns: table => new
                {
                    Country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Channel = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Minutes = table.Column<int>(type: "integer", nullable: false),
                    SetBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SetAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_release_time_targets", x => new { x.Country, x.Channel });
                });

            migrationBuilder.CreateIndex(
                name: "IX_control_release_times_ConsignmentId",
                schema: "trade",
                table: "control_release_times",
                column: "ConsignmentId");

            migrationBuilder.CreateIndex(
                name: "IX_control_release_times_Country_LodgedAt",
                schema: "trade",
                table: "control_release_times",
                columns: new[] { "Country", "LodgedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_control_release_times_CrossingId_LodgedAt",
                schema: "trade",
                table: "control_release_times",
                columns: new[] { "CrossingId", "LodgedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_control_release_times_LodgedAt",
                schema: "trade",
                table: "control_release_times",
                column: "LodgedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "control_release_times",
                schema: "trade");

            migrationBuilder.DropTable(
                name: "release_time_targets",
                schema: "trade");
        }
    }
}
