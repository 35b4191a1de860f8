using Caravan.Platform.Health;
using Caravan.Reference.Features.HsNomenclature.Search;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Caravan.Reference.Features.ImportReferenceData;

/// <summary>Brings the reference data up to the version in the data folder when a host starts.</summary>
internal sealed class ImportReferenceDataOnStart(IOptions<ReferenceDataOptions> options) : IStartupTask
{
    public string Name => "Import reference data";

    public async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        if (options.Value.ImportOnStart)
        {
            await services.GetRequiredService<IReferenceDataImport>().ImportAsync(options.Value.ResolvePath(), cancellationToken).ConfigureAwait(false);

            // The HS search index is built now, from the data just loaded, so that no request waits for it.
            await services.GetRequiredService<HsSearchIndex>().CurrentAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
