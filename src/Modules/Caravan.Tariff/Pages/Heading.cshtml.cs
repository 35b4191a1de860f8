using Caravan.Reference.Contracts;
using Caravan.Tariff.Contracts;
using Caravan.Tariff.Features.Schedules;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Caravan.Tariff.Pages;

/// <summary>One HS heading or subheading on the portal: its place in the nomenclature, and for each of the six countries the schedule it applies, the national lines with their duties and VAT, and the documents required.</summary>
internal sealed class HeadingModel(IHsNomenclature hs, TariffQueries queries, TariffDisplay display, TimeProvider clock) : PageModel
{
    public HsEntryDetail? Entry { get; private set; }

    public HeadingTariffs? Tariffs { get; private set; }

    public DateOnly Date { get; private set; }

    public TariffDisplay Display => display;

    public bool AnyIllustrative => Tariffs is { } t && t.Countries.Any(c => c.Lines.Any(l => l.Illustrative) || c.Requirements.Any(r => r.Illustrative));

    public async Task<IActionResult> OnGetAsync(string code, DateOnly? date, CancellationToken ct)
    {
        var parsed = ReferenceCodes.ParseHsCode(code);
        if (!parsed.IsValid)
        {
            return NotFound();
        }

        Entry = await hs.FindAsync(parsed.Value!, ct);
        if (Entry is null)
        {
            return NotFound();
        }

        await display.LoadAsync(ct);
        Date = date ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Tariffs = await queries.ForCodeAsync(parsed.Value!, Date, ct);
        return Page();
    }
}
