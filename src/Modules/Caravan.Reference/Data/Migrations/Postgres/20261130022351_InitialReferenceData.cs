using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Caravan.Reference.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InitialReferenceData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "reference");

            migrationBuilder.CreateTable(
                name: "border_crossings",
                schema: "reference",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    country_a = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    name_a = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    admin_area_a = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    locode_a = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    country_b = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    name_b = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    admin_area_b = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    locode_b = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    NameZh = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    Mode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Status = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Latitude = table.Column<double>(type: "double precision", nullable: true),
                    Longitude = table.Column<double>(type: "double precision", nullable: true),
                    CoordinatesReferTo = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    CoordinatesSource = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    Notes = table.Column<string>(type: "character varying(4096)", maxLength: 4096, nullable: true),
                    Sources = table.Column<string>(type: "character varying(4096)", maxLength: 4096, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_border_crossings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "countries",
                schema: "reference",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Iso3 = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    NumericCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    TimeZone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CustomsUnion = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_countries", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "datasets",
                schema: "reference",
                columns: table => new
                {
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Version = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Edition = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    RowCount = table.Column<int>(type: "integer", nullable: false),
                    ImportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_datasets", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "hs_sections",
                schema: "reference",
                columns: table => new
                {
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Roman = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    NameRu = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hs_sections", x => x.Number);
                });

            migrationBuilder.CreateTable(
                name: "locations",
                schema: "reference",
                columns: table => new
                {
                    Locode = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    CountryCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    NameAscii = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    SubdivisionCode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    SubdivisionName = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    Functions = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    Status = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    Iata = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    Latitude = table.Column<double>(type: "double precision", nullable: true),
                    Longitude = table.Column<double>(type: "double precision", nullable: true),
                    Edition = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_locations", x => x.Locode);
                });

            migrationBuilder.CreateTable(
                name: "country_names",
                schema: "reference",
                columns: table => new
                {
                    CountryCode = table.Column<string>(type: "character varying(2)", nullable: false),
                    Language = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_country_names", x => new { x.CountryCode, x.Language });
                    table.ForeignKey(
                        name: "FK_country_names_countries_CountryCode",
                        column: x => x.CountryCode,
                        principalSchema: "reference",
                        principalTable: "countries",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "hs_entries",
                schema: "reference",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    ParentCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    ChapterCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    SectionNumber = table.Column<int>(type: "integer", nullable: true),
                    DescriptionEn = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    DescriptionRu = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    ComtradeOnly = table.Column<bool>(type: "boolean", nullable: false),
                    SearchEn = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    SearchRu = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hs_entries", x => x.Code);
                    table.ForeignKey(
                        name: "FK_hs_entries_hs_entries_ParentCode",
                        column: x => x.ParentCode,
                        principalSchema: "reference",
                        principalTable: "hs_entries",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_hs_entries_hs_sections_SectionNumber",
                        column: x => x.SectionNumber,
                        principalSchema: "reference",
                        principalTable: "hs_sections",
                        principalColumn: "Number",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_border_crossings_country_a",
                schema: "reference",
                table: "border_crossings",
                column: "country_a");

            migrationBuilder.CreateIndex(
                name: "IX_border_crossings_country_b",
                schema: "reference",
                table: "border_crossings",
                column: "country_b");

            migrationBuilder.CreateIndex(
                name: "IX_hs_entries_ParentCode",
                schema: "reference",
                table: "hs_entries",
                column: "ParentCode");

            migrationBuilder.CreateIndex(
                name: "IX_hs_entries_SectionNumber_Level",
                schema: "reference",
                table: "hs_entries",
                columns: new[] { "SectionNumber", "Level" });

            migrationBuilder.CreateIndex(
                name: "IX_locations_CountryCode",
                schema: "reference",
                table: "locations",
                column: "CountryCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "border_crossings",
                schema: "reference");

            migrationBuilder.DropTable(
                name: "country_names",
                schema: "reference");

            migrationBuilder.DropTable(
                name: "datasets",
                schema: "reference");

            migrationBuilder.DropTable(
                name: "hs_entries",
                schema: "reference");

            migrationBuilder.DropTable(
                name: "locations",
                schema: "reference");

            migrationBuilder.DropTable(
                name: "countries",
                schema: "reference");

            migrationBuilder.DropTable(
                name: "hs_sections",
                schema: "reference");
        }
    }
}
