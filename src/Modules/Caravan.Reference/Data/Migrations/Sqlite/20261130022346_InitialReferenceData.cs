using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Caravan.Reference.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialReferenceData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "border_crossings",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    country_a = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    name_a = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    admin_area_a = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    locode_a = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    country_b = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    name_b = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    admin_area_b = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    locode_b = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    NameZh = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    CoordinatesReferTo = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    CoordinatesSource = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 4096, nullable: true),
                    Sources = table.Column<string>(type: "TEXT", maxLength: 4096, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_border_crossings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "countries",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Iso3 = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    NumericCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    TimeZone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CustomsUnion = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_countries", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "datasets",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Version = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Edition = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    RowCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ImportedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_datasets", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "hs_sections",
                columns: table => new
                {
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Roman = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    NameRu = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hs_sections", x => x.Number);
                });

            migrationBuilder.CreateTable(
                name: "locations",
                columns: table => new
                {
                    Locode = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    CountryCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    NameAscii = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    SubdivisionCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    SubdivisionName = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    Functions = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 4, nullable: true),
                    Iata = table.Column<string>(type: "TEXT", maxLength: 4, nullable: true),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    Edition = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_locations", x => x.Locode);
                });

            migrationBuilder.CreateTable(
                name: "country_names",
                columns: table => new
                {
                    CountryCode = table.Column<string>(type: "TEXT", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_country_names", x => new { x.CountryCode, x.Language });
                    table.ForeignKey(
                        name: "FK_country_names_countries_CountryCode",
                        column: x => x.CountryCode,
                        principalTable: "countries",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "hs_entries",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    ParentCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true),
                    ChapterCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    SectionNumber = table.Column<int>(type: "INTEGER", nullable: true),
                    DescriptionEn = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    DescriptionRu = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    ComtradeOnly = table.Column<bool>(type: "INTEGER", nullable: false),
                    SearchEn = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: false),
                    SearchRu = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hs_entries", x => x.Code);
                    table.ForeignKey(
                        name: "FK_hs_entries_hs_entries_ParentCode",
                        column: x => x.ParentCode,
                        principalTable: "hs_entries",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_hs_entries_hs_sections_SectionNumber",
                        column: x => x.SectionNumber,
                        principalTable: "hs_sections",
                        principalColumn: "Number",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_border_crossings_country_a",
                table: "border_crossings",
                column: "country_a");

            migrationBuilder.CreateIndex(
                name: "IX_border_crossings_country_b",
                table: "border_crossings",
                column: "country_b");

            migrationBuilder.CreateIndex(
                name: "IX_hs_entries_ParentCode",
                table: "hs_entries",
                column: "ParentCode");

            migrationBuilder.CreateIndex(
                name: "IX_hs_entries_SectionNumber_Level",
                table: "hs_entries",
                columns: new[] { "SectionNumber", "Level" });

            migrationBuilder.CreateIndex(
                name: "IX_locations_CountryCode",
                table: "locations",
                column: "CountryCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "border_crossings");

            migrationBuilder.DropTable(
                name: "country_names");

            migrationBuilder.DropTable(
                name: "datasets");

            migrationBuilder.DropTable(
                name: "hs_entries");

            migrationBuilder.DropTable(
                name: "locations");

            migrationBuilder.DropTable(
                name: "countries");

            migrationBuilder.DropTable(
                name: "hs_sections");
        }
    }
}
