using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Caravan.Risk.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InitialRisk : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "risk");

            migrationBuilder.CreateTable(
                name: "economic_operators",
                schema: "risk",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Organisation = table.Column<Guid>(type: "uuid", nullable: false),
                    CertificateNumber = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    StatusReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    StatusSince = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_economic_operators", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "profile_versions",
                schema: "risk",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Definition = table.Column<string>(type: "text", nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PublishedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_profile_versions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "recognition_arrangements",
                schema: "risk",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CountryA = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    CountryB = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    InForceFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    InForceUntil = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recognition_arrangements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "shared_alerts",
                schema: "risk",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FromCountry = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    ToCountries = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Summary = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    HsFrom = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    HsTo = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    Trader = table.Column<Guid>(type: "uuid", nullable: true),
                    RouteCountry = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    CountryOfOrigin = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    ValidFrom = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ValidUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_shared_alerts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "alert_acknowledgements",
                schema: "risk",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AlertId = table.Column<Guid>(type: "uuid", nullable: false),
                    Country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Action = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    By = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alert_acknowledgements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_alert_acknowledgements_shared_alerts_AlertId",
                        column: x => x.AlertId,
                        principalSchema: "risk",
                        principalTable: "shared_alerts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_alert_acknowledgements_AlertId",
                schema: "risk",
                table: "alert_acknowledgements",
                column: "AlertId");

            migrationBuilder.CreateIndex(
                name: "IX_economic_operators_Country_CertificateNumber",
                schema: "risk",
                table: "economic_operators",
                columns: new[] { "Country", "CertificateNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_economic_operators_Organisation",
                schema: "risk",
                table: "economic_operators",
                column: "Organisation");

            migrationBuilder.CreateIndex(
                name: "IX_profile_versions_active",
                schema: "risk",
                table: "profile_versions",
                column: "Country",
                unique: true,
                filter: "\"State\" = 'active'");

            migrationBuilder.CreateIndex(
                name: "IX_profile_versions_Country_Version",
                schema: "risk",
                table: "profile_versions",
                columns: new[] { "Country", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_recognition_arrangements_CountryA_CountryB",
                schema: "risk",
                table: "recognition_arrangements",
                columns: new[] { "CountryA", "CountryB" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "alert_acknowledgements",
                schema: "risk");

            migrationBuilder.DropTable(
                name: "economic_operators",
                schema: "risk");

            migrationBuilder.DropTable(
                name: "profile_versions",
                schema: "risk");

            migrationBuilder.DropTable(
                name: "recognition_arrangements",
                schema: "risk");

            migrationBuilder.DropTable(
                name: "shared_alerts",
                schema: "risk");
        }
    }
}
