using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Caravan.Origin.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "applications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    IssuerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExporterOrganisation = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConsignmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ConsignmentReference = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CertificateId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_applications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "certificate_status_changes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CertificateId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_certificate_status_changes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "certificates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IssuerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExporterOrganisation = table.Column<Guid>(type: "TEXT", nullable: false),
                    ImportingCountry = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    ConsignmentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Kid = table.Column<string>(type: "TEXT", maxLength: 340, nullable: false),
                    Token = table.Column<string>(type: "TEXT", nullable: false),
                    IssuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ValidFrom = table.Column<long>(type: "INTEGER", nullable: false),
                    ValidUntil = table.Column<long>(type: "INTEGER", nullable: false),
                    StatusIndex = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    StatusReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    StatusSince = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_certificates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "control_verifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CertificateId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConsignmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ControlId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Verdict = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Result = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_control_verifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "issuing_bodies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Did = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Trusted = table.Column<bool>(type: "INTEGER", nullable: false),
                    TrustedFrom = table.Column<long>(type: "INTEGER", nullable: false),
                    TrustedUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    NextStatusIndex = table.Column<int>(type: "INTEGER", nullable: false),
                    RegisteredAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_issuing_bodies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "signing_keys",
                columns: table => new
                {
                    Kid = table.Column<string>(type: "TEXT", maxLength: 340, nullable: false),
                    IssuerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    X = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Y = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ProtectedPrivateKey = table.Column<string>(type: "TEXT", nullable: false),
                    ActiveFrom = table.Column<long>(type: "INTEGER", nullable: false),
                    RetiredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RevokedFrom = table.Column<long>(type: "INTEGER", nullable: true),
                    RevocationReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_signing_keys", x => x.Kid);
                });

            migrationBuilder.CreateTable(
                name: "status_lists",
                columns: table => new
                {
                    IssuerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Bits = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    Token = table.Column<string>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_status_lists", x => new { x.IssuerId, x.Purpose });
                });

            migrationBuilder.CreateTable(
                name: "application_steps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApplicationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_application_steps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_application_steps_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_application_steps_ApplicationId",
                table: "application_steps",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_applications_ExporterOrganisation",
                table: "applications",
                column: "ExporterOrganisation");

            migrationBuilder.CreateIndex(
                name: "IX_applications_IssuerId_State",
                table: "applications",
                columns: new[] { "IssuerId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_applications_Number",
                table: "applications",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_certificate_status_changes_CertificateId",
                table: "certificate_status_changes",
                column: "CertificateId");

            migrationBuilder.CreateIndex(
                name: "IX_certificates_ConsignmentId",
                table: "certificates",
                column: "ConsignmentId");

            migrationBuilder.CreateIndex(
                name: "IX_certificates_ExporterOrganisation",
                table: "certificates",
                column: "ExporterOrganisation");

            migrationBuilder.CreateIndex(
                name: "IX_certificates_ImportingCountry",
                table: "certificates",
                column: "ImportingCountry");

            migrationBuilder.CreateIndex(
                name: "IX_certificates_IssuerId_StatusIndex",
                table: "certificates",
                columns: new[] { "IssuerId", "StatusIndex" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_certificates_Number",
                table: "certificates",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_control_verifications_CertificateId",
                table: "control_verifications",
                column: "CertificateId");

            migrationBuilder.CreateIndex(
                name: "IX_control_verifications_ControlId_At",
                table: "control_verifications",
                columns: new[] { "ControlId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_issuing_bodies_Did",
                table: "issuing_bodies",
                column: "Did",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_issuing_bodies_Slug",
                table: "issuing_bodies",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_signing_keys_IssuerId",
                table: "signing_keys",
                column: "IssuerId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "application_steps");

            migrationBuilder.DropTable(
                name: "certificate_status_changes");

            migrationBuilder.DropTable(
                name: "certificates");

            migrationBuilder.DropTable(
                name: "control_verifications");

            migrationBuilder.DropTable(
                name: "issuing_bodies");

            migrationBuilder.DropTable(
                name: "signing_keys");

            migrationBuilder.DropTable(
                name: "status_lists");

            migrationBuilder.DropTable(
                name: "applications");
        }
    }
}
