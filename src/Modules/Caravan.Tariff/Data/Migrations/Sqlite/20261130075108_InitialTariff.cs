using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Caravan.Tariff.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialTariff : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "exchange_rates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    QuoteCurrency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Rate = table.Column<decimal>(type: "TEXT", precision: 24, scale: 10, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Illustrative = table.Column<bool>(type: "INTEGER", nullable: false),
                    ImportId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exchange_rates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "imports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    File = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ImportedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ImportedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Rows = table.Column<int>(type: "INTEGER", nullable: false),
                    Added = table.Column<int>(type: "INTEGER", nullable: false),
                    Updated = table.Column<int>(type: "INTEGER", nullable: false),
                    Closed = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_imports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "requirements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Direction = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    HsFrom = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    HsTo = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    LegalSource = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Illustrative = table.Column<bool>(type: "INTEGER", nullable: false),
                    ImportId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_requirements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "tariff_lines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Schedule = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Line = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Hs6 = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    AdValoremPercent = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: true),
                    SpecificAmount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: true),
                    SpecificCurrency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    SpecificUnit = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    Compound = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    VatPercent = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: false),
                    VatByCountry = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Excise = table.Column<bool>(type: "INTEGER", nullable: false),
                    LegalSource = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Illustrative = table.Column<bool>(type: "INTEGER", nullable: false),
                    ImportId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tariff_lines", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_exchange_rates_Currency_QuoteCurrency_Date",
                table: "exchange_rates",
                columns: new[] { "Currency", "QuoteCurrency", "Date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_requirements_Country_Direction_HsFrom_HsTo_Kind_ValidFrom",
                table: "requirements",
                columns: new[] { "Country", "Direction", "HsFrom", "HsTo", "Kind", "ValidFrom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_tariff_lines_Schedule_Hs6",
                table: "tariff_lines",
                columns: new[] { "Schedule", "Hs6" });

            migrationBuilder.CreateIndex(
                name: "IX_tariff_lines_Schedule_Line_ValidFrom",
                table: "tariff_lines",
                columns: new[] { "Schedule", "Line", "ValidFrom" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "exchange_rates");

            migrationBuilder.DropTable(
                name: "imports");

            migrationBuilder.DropTable(
                name: "requirements");

            migrationBuilder.DropTable(
                name: "tariff_lines");
        }
    }
}
