using Caravan.Platform.Persistence;

namespace Caravan.Access.Data;

internal sealed class SqliteAccessDesignTimeFactory() : SqliteDesignTimeFactory<SqliteAccessDbContext>(AccessDbContext.Module);

internal sealed class PostgresAccessDesignTimeFactory() : PostgresDesignTimeFactory<PostgresAccessDbContext>(AccessDbContext.Module);
