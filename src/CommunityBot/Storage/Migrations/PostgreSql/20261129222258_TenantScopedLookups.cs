using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunityBot.Storage.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class TenantScopedLookups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Conversations_ConversationId",
                table: "Conversations");

            migrationBuilder.DropIndex(
                name: "IX_Conversations_TeamId",
                table: "Conversations");

            migrationBuilder.DropIndex(
                name: "IX_Communities_TeamId",
                table: "Communities");

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_TenantId_ConversationId",
                table: "Conversations",
                columns: new[] { "TenantId", "ConversationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_TenantId_TeamId",
                table: "Conversations",
                columns: new[] { "TenantId", "TeamId" });

            migrationBuilder.CreateIndex(
                name: "IX_Communities_TenantId_TeamId",
                table: "Communities",
                columns: new[] { "TenantId", "TeamId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Conversations_TenantId_ConversationId",
                table: "Conversations");

            migrationBuilder.DropIndex(
                name: "IX_Conversations_TenantId_TeamId",
                table: "Conversations");

            migrationBuilder.DropIndex(
                name: "IX_Communities_TenantId_TeamId",
                table: "Communities");

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_ConversationId",
                table: "Conversations",
                column: "ConversationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_TeamId",
                table: "Conversations",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_Communities_TeamId",
                table: "Communities",
                column: "TeamId");
        }
    }
}
