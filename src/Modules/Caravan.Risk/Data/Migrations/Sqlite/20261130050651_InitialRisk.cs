using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Caravan.Risk.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialRisk : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "economic_operators",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Organisation = table.Column<Guid>(type: "TEXT", nullable: false),
                    CertificateNumber = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    StatusReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    StatusSince = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_economic_operators", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "profile_versions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Definition = table.Column<string>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_profile_versions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "recognition_arrangements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CountryA = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    CountryB = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    InForceFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    InForceUntil = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recognition_arrangements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "shared_alerts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FromCountry = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    ToCountries = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    HsFrom = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true),
                    HsTo = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true),
                    Trader = table.Column<Guid>(type: "TEXT", nullable: true),
                    RouteCountry = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    CountryOfOrigin = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    ValidFrom = table.Column<long>(type: "INTEGER", nullable: false),
                    ValidUntil = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_shared_alerts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "alert_acknowledgements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AlertId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alert_acknowledgements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_alert_acknowledgements_shared_alerts_AlertId",
                        column: x => x.AlertId,
                        principalTable: "shared_alerts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_alert_acknowledgements_AlertId",
                table: "alert_acknowledgements",
                column: "AlertId");

            migrationBuilder.CreateIndex(
                name: "IX_economic_operators_Country_CertificateNumber",
                table: "economic_operators",
                columns: new[] { "Country", "CertificateNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_economic_operators_Organisation",
                table: "economic_operators",
                column: "Organisation");

            migrationBuilder.CreateIndex(
                name: "IX_profile_versions_active",
                table: "profile_versions",
                column: "Country",
                unique: true,
                filter: "\"State\" = 'active'");

            migrationBuilder.CreateIndex(
                name: "IX_profile_versions_Country_Version",
                table: "profile_versions",
                columns: new[] { "Country", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_recognition_arrangements_CountryA_CountryB",
                table: "recognition_arrangements",
                columns: new[] { "CountryA", "CountryB" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "alert_acknowledgements");

            migrationBuilder.DropTable(
                name: "economic_operators");

            migrationBuilder.DropTable(
                name: "profile_versions");

            migrationBuilder.DropTable(
                name: "recognition_arrangements");

            migrationBuilder.DropTable(
                name: "shared_alerts");
        }
    }
}
