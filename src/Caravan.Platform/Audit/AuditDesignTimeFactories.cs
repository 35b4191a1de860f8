using Caravan.Platform.Persistence;

namespace Caravan.Platform.Audit;

internal sealed class SqliteAuditDesignTimeFactory() : SqliteDesignTimeFactory<SqliteAuditDbContext>(AuditDbContext.Module);

internal sealed class PostgresAuditDesignTimeFactory() : PostgresDesignTimeFactory<PostgresAuditDbContext>(AuditDbContext.Module);
