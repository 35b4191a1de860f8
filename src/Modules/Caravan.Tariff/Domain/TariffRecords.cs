namespace Caravan.Tariff.Domain;

/// <summary>One version of one national tariff line: (schedule, line, valid from) identifies it.</summary>
internal sealed class TariffLine
{
    public Guid Id { get; set; }

    public string Schedule { get; set; } = string.Empty;

    public string Line { get; set; } = string.Empty;

    /// <summary>The HS subheading (first six digits), for the heading pages and the calculator.</summary>
    public string Hs6 { get; set; } = string.Empty;

    public string Description { get; set; } = string.Empty;

    public decimal? AdValoremPercent { get; set; }

    public decimal? SpecificAmount { get; set; }

    public string? SpecificCurrency { get; set; }

    public string? SpecificUnit { get; set; }

    public string? Compound { get; set; }

    public decimal VatPercent { get; set; }

    /// <summary>For a union's schedule, the members' own VAT rates: "KZ=16;KG=12" (VAT is national, duties common).</summary>
    public string? VatByCountry { get; set; }

    public bool Excise { get; set; }

    public string LegalSource { get; set; } = string.Empty;

    public DateOnly ValidFrom { get; set; }

    public DateOnly? ValidTo { get; set; }

    public bool Illustrative { get; set; }

    public Guid ImportId { get; set; }

    /// <summary>The members' own VAT rates, read from <see cref="VatByCountry"/>.</summary>
    public IReadOnlyDictionary<string, decimal> VatRates() =>
        (VatByCountry ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('='))
            .ToDictionary(kv => kv[0].Trim(), kv => decimal.Parse(kv[1], System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The VAT the importing country levies on goods of this line.</summary>
    public decimal VatFor(string country) => VatRates().TryGetValue(country, out var rate) ? rate : VatPercent;
}

internal sealed class Requirement
{
    public Guid Id { get; set; }

    public string Country { get; set; } = string.Empty;

    public string Direction { get; set; } = string.Empty;

    public string HsFrom { get; set; } = string.Empty;

    public string HsTo { get; set; } = string.Empty;

    public string Kind { get; set; } = string.Empty;

    public string Title { get; set; } = string.Empty;

    public string LegalSource { get; set; } = string.Empty;

    public DateOnly ValidFrom { get; set; }

    public DateOnly? ValidTo { get; set; }

    public bool Illustrative { get; set; }

    public Guid ImportId { get; set; }
}

/// <summary>Units of <see cref="QuoteCurrency"/> for one unit of <see cref="Currency"/>, on a day.</summary>
internal sealed class ExchangeRate
{
    public Guid Id { get; set; }

    public string Currency { get; set; } = string.Empty;

    public string QuoteCurrency { get; set; } = string.Empty;

    public DateOnly Date { get; set; }

    public decimal Rate { get; set; }

    public string Source { get; set; } = string.Empty;

    public bool Illustrative { get; set; }

    public Guid ImportId { get; set; }
}

/// <summary>A file imported: which, when, by whom, its digest and what it changed.</summary>
internal sealed class TariffImport
{
    public Guid Id { get; set; }

    public string File { get; set; } = string.Empty;

    public string Kind { get; set; } = string.Empty;

    public string Sha256 { get; set; } = string.Empty;

    public DateTimeOffset ImportedAt { get; set; }

    public string ImportedBy { get; set; } = string.Empty;

    public int Rows { get; set; }

    public int Added { get; set; }

    public int Updated { get; set; }

    public int Closed { get; set; }
}
