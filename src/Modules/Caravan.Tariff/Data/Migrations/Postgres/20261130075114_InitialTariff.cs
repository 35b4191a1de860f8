using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Caravan.Tariff.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InitialTariff : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "tariff");

            migrationBuilder.CreateTable(
                name: "exchange_rates",
                schema: "tariff",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    QuoteCurrency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Rate = table.Column<decimal>(type: "numeric(24,10)", precision: 24, scale: 10, nullable: false),
                    Source = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Illustrative = table.Column<bool>(type: "boolean", nullable: false),
                    ImportId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exchange_rates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "imports",
                schema: "tariff",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    File = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ImportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ImportedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Rows = table.Column<int>(type: "integer", nullable: false),
                    Added = table.Column<int>(type: "integer", nullable: false),
                    Updated = table.Column<int>(type: "integer", nullable: false),
                    Closed = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_imports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "requirements",
                schema: "tariff",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Direction = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    HsFrom = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    HsTo = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    LegalSource = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: true),
                    Illustrative = table.Column<bool>(type: "boolean", nullable: false),
                    ImportId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_requirements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "tariff_lines",
                schema: "tariff",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Schedule = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Line = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Hs6 = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    AdValoremPercent = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: true),
                    SpecificAmount = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: true),
                    SpecificCurrency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    SpecificUnit = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    Compound = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    VatPercent = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: false),
                    VatByCountry = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Excise = table.Column<bool>(type: "boolean", nullable: false),
                    LegalSource = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: true),
                    Illustrative = table.Column<bool>(type: "boolean", nullable: false),
                    ImportId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tariff_lines", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_exchange_rates_Currency_QuoteCurrency_Date",
                schema: "tariff",
                table: "exchange_rates",
                columns: new[] { "Currency", "QuoteCurrency", "Date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_requirements_Country_Direction_HsFrom_HsTo_Kind_ValidFrom",
                schema: "tariff",
                table: "requirements",
                columns: new[] { "Country", "Direction", "HsFrom", "HsTo", "Kind", "ValidFrom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_tariff_lines_Schedule_Hs6",
                schema: "tariff",
                table: "tariff_lines",
                columns: new[] { "Schedule", "Hs6" });

            migrationBuilder.CreateIndex(
                name: "IX_tariff_lines_Schedule_Line_ValidFrom",
                schema: "tariff",
                table: "tariff_lines",
                columns: new[] { "Schedule", "Line", "ValidFrom" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "exchange_rates",
                schema: "tariff");

            migrationBuilder.DropTable(
                name: "imports",
                schema: "tariff");

            migrationBuilder.DropTable(
                name: "requirements",
                schema: "tariff");

            migrationBuilder.DropTable(
                name: "tariff_lines",
                schema: "tariff");
        }
    }
}
