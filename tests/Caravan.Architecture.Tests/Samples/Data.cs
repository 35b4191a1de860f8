using Microsoft.EntityFrameworkCore;

namespace Caravan.Architecture.Tests.Samples.Data;

/// <summary>A public DbContext: a violation.</summary>
public class SamplesDbContext(DbContextOptions options) : DbContext(options);
