using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Caravan.Origin.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "origin");

            migrationBuilder.CreateTable(
                name: "applications",
                schema: "origin",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    IssuerId = table.Column<Guid>(type: "uuid", nullable: false),
                    ExporterOrganisation = table.Column<Guid>(type: "uuid", nullable: false),
                    ConsignmentId = table.Column<Guid>(type: "uuid", nullable: true),
                    ConsignmentReference = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    State = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Content = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CertificateId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_applications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "certificate_status_changes",
                schema: "origin",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CertificateId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    By = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    From = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    To = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_certificate_status_changes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "certificates",
                schema: "origin",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    IssuerId = table.Column<Guid>(type: "uuid", nullable: false),
                    ExporterOrganisation = table.Column<Guid>(type: "uuid", nullable: false),
                    ImportingCountry = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    ConsignmentId = table.Column<Guid>(type: "uuid", nullable: true),
                    Kid = table.Column<string>(type: "character varying(340)", maxLength: 340, nullable: false),
                    Token = table.Column<string>(type: "text", nullable: false),
                    IssuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ValidFrom = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ValidUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    StatusIndex = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    StatusReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    StatusSince = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_certificates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "control_verifications",
                schema: "origin",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CertificateId = table.Column<Guid>(type: "uuid", nullable: false),
                    ConsignmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    ControlId = table.Column<Guid>(type: "uuid", nullable: false),
                    Country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    By = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Verdict = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Result = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_control_verifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "issuing_bodies",
                schema: "origin",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Slug = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Did = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Trusted = table.Column<bool>(type: "boolean", nullable: false),
                    TrustedFrom = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    TrustedUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    NextStatusIndex = table.Column<int>(type: "integer", nullable: false),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_issuing_bodies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "signing_keys",
                schema: "origin",
                columns: table => new
                {
                    Kid = table.Column<string>(type: "character varying(340)", maxLength: 340, nullable: false),
                    IssuerId = table.Column<Guid>(type: "uuid", nullable: false),
                    X = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Y = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ProtectedPrivateKey = table.Column<string>(type: "text", nullable: false),
                    ActiveFrom = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RetiredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RevokedFrom = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RevocationReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_signing_keys", x => x.Kid);
                });

            migrationBuilder.CreateTable(
                name: "status_lists",
                schema: "origin",
                columns: table => new
                {
                    IssuerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Purpose = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Bits = table.Column<byte[]>(type: "bytea", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    Token = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_status_lists", x => new { x.IssuerId, x.Purpose });
                });

            migrationBuilder.CreateTable(
                name: "application_steps",
                schema: "origin",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    By = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Action = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_application_steps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_application_steps_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalSchema: "origin",
                        principalTable: "applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_application_steps_ApplicationId",
                schema: "origin",
                table: "application_steps",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_applications_ExporterOrganisation",
                schema: "origin",
                table: "applications",
                column: "ExporterOrganisation");

            migrationBuilder.CreateIndex(
                name: "IX_applications_IssuerId_State",
                schema: "origin",
                table: "applications",
                columns: new[] { "IssuerId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_applications_Number",
                schema: "origin",
                table: "applications",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_certificate_status_changes_CertificateId",
                schema: "origin",
                table: "certificate_status_changes",
                column: "CertificateId");

            migrationBuilder.CreateIndex(
                name: "IX_certificates_ConsignmentId",
                schema: "origin",
                table: "certificates",
                column: "ConsignmentId");

            migrationBuilder.CreateIndex(
                name: "IX_certificates_ExporterOrganisation",
                schema: "origin",
                table: "certificates",
                column: "ExporterOrganisation");

            migrationBuilder.CreateIndex(
                name: "IX_certificates_ImportingCountry",
                schema: "origin",
                table: "certificates",
                column: "ImportingCountry");

            migrationBuilder.CreateIndex(
                name: "IX_certificates_IssuerId_StatusIndex",
                schema: "origin",
                table: "certificates",
                columns: new[] { "IssuerId", "StatusIndex" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_certificates_Number",
                schema: "origin",
                table: "certificates",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_control_verifications_CertificateId",
                schema: "origin",
                table: "control_verifications",
                column: "CertificateId");

            migrationBuilder.CreateIndex(
                name: "IX_control_verifications_ControlId_At",
                schema: "origin",
                table: "control_verifications",
                columns: new[] { "ControlId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_issuing_bodies_Did",
                schema: "origin",
                table: "issuing_bodies",
                column: "Did",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_issuing_bodies_Slug",
                schema: "origin",
                table: "issuing_bodies",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_signing_keys_IssuerId",
                schema: "origin",
                table: "signing_keys",
                column: "IssuerId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "application_steps",
                schema: "origin");

            migrationBuilder.DropTable(
                name: "certificate_status_changes",
                schema: "origin");

            migrationBuilder.DropTable(
                name: "certificates",
                schema: "origin");

            migrationBuilder.DropTable(
                name: "control_verifications",
                schema: "origin");

            migrationBuilder.DropTable(
                name: "issuing_bodies",
                schema: "origin");

            migrationBuilder.DropTable(
                name: "signing_keys",
                schema: "origin");

            migrationBuilder.DropTable(
                name: "status_lists",
                schema: "origin");

            migrationBuilder.DropTable(
                name: "applications",
                schema: "origin");
        }
    }
}
