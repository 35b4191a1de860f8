using Caravan.Platform.Persistence;

namespace Caravan.Reference.Data;

internal sealed class SqliteReferenceDesignTimeFactory() : SqliteDesignTimeFactory<SqliteReferenceDbContext>(ReferenceDbContext.Module);

internal sealed class PostgresReferenceDesignTimeFactory() : PostgresDesignTimeFactory<PostgresReferenceDbContext>(ReferenceDbContext.Module);
