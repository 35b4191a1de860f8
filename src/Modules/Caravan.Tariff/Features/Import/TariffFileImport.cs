using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Caravan.Platform.Csv;
using Caravan.Reference.Contracts;
using Caravan.Tariff.Contracts;
using Caravan.Tariff.Data;
using Caravan.Tariff.Domain;
using Microsoft.EntityFrameworkCore;

namespace Caravan.Tariff.Features.Import;

/// <summary>
/// Imports one CSV file of the documented formats (docs/tariff-import.md): a tariff schedule, requirements, or
/// exchange rates, told apart by the header. Every row is checked first and every error reported by line and column;
/// a file with any error imports nothing. A row already present unchanged changes nothing (a file imported twice adds
/// nothing); a row with the same key and other values corrects it; a new version of a line (a later valid_from) is
/// added beside the old, which is closed the day before: the history stays, and the calculator picks by date.
/// </summary>
internal sealed class TariffFileImport(TariffDbContext db, IHsNomenclature hs, TimeProvider clock) : ITariffImport
{
    public static readonly IReadOnlyList<string> ScheduleColumns =
        ["schedule", "tariff_line", "description", "ad_valorem_percent", "specific_amount", "specific_currency", "specific_unit", "compound", "vat_percent", "excise", "legal_source", "valid_from", "valid_to", "illustrative"];

    public static readonly IReadOnlyList<string> RequirementColumns =
        ["country", "direction", "hs_from", "hs_to", "kind", "title", "legal_source", "valid_from", "valid_to", "illustrative"];

    public static readonly IReadOnlyList<string> RateColumns = ["currency", "quote_currency", "rate_date", "rate", "source", "illustrative"];

    public static readonly IReadOnlyList<string> Directions = ["import", "export", "transit"];

    public const int MaxRows = 200_000;

    public async Task<TariffImportResult> ImportAsync(string path, string importedBy, CancellationToken cancellationToken = default) =>
        await ImportAsync(await File.ReadAllTextAsync(path, cancellationToken), Path.GetFileName(path), importedBy, cancellationToken);

    public async Task<TariffImportResult> ImportAsync(string text, string file, string importedBy, CancellationToken cancellationToken = default)
    {
        CsvTable table;
        try
        {
            table = CsvTable.Parse(text, file);
        }
        catch (FormatException e)
        {
            return Refused(file, "unknown", [new TariffImportError(LineOf(e.Message), null, null, e.Message)]);
        }

        var kind = KindOf(table.Header);
        if (kind is null)
        {
            return Refused(file, "unknown", [new TariffImportError(1, null, null,
                $"the header is not one of the formats: a schedule ({string.Join(",", ScheduleColumns)}), requirements ({string.Join(",", RequirementColumns)}) or rates ({string.Join(",", RateColumns)})")]);
        }

        if (table.Rows.Count > MaxRows)
        {
            return Refused(file, kind, [new TariffImportError(1, null, null, $"the file has {table.Rows.Count} rows; at most {MaxRows} are imported at once")]);
        }

        var errors = new List<TariffImportError>();
        var check = new RowCheck(table, errors);
        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        return kind switch
        {
            "schedule" => await SchedulesAsync(table, check, errors, file, digest, importedBy, cancellationToken),
            "requirements" => await RequirementsAsync(table, check, errors, file, digest, importedBy, cancellationToken),
            _ => await RatesAsync(table, check, errors, file, digest, importedBy, cancellationToken),
        };
    }

    private static string? KindOf(IReadOnlyList<string> header)
    {
        var columns = header.Select(h => h.Trim().ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        return ScheduleColumns.All(columns.Contains) ? "schedule"
            : RequirementColumns.All(columns.Contains) ? "requirements"
            : RateColumns.All(columns.Contains) ? "rates"
            : null;
    }

    private async Task<TariffImportResult> SchedulesAsync(CsvTable table, RowCheck check, List<TariffImportError> errors, string file, string digest, string by, CancellationToken ct)
    {
        var parsed = new List<TariffLine>();
        var seen = new HashSet<(string, string, DateOnly)>();
        var knownHs = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var schedule = check.Text(row, "schedule", 8, required: true) is { } s ? TariffSchedules.Parse(s) : null;
            if (schedule is null && row.Optional("schedule") is { } given)
            {
                check.Fail(row, "schedule", $"'{given}' is not a schedule; use {string.Join(", ", TariffSchedules.All)} or a country code (KZ and KG apply EAEU)");
            }

            var line = check.Digits(row, "tariff_line", 8, 10);
            if (line is not null)
            {
                var hs6 = line[..6];
                if (!knownHs.TryGetValue(hs6, out var known))
                {
                    known = knownHs[hs6] = await hs.FindAsync(hs6, ct) is not null;
                }

                if (!known)
                {
                    check.Fail(row, "tariff_line", $"its first six digits {hs6} are not a subheading of HS 2022");
                }
            }

            var description = check.Text(row, "description", 1000, required: true);
            var adValorem = check.Decimal(row, "ad_valorem_percent", 0, 1000);
            var specific = check.Decimal(row, "specific_amount", 0, 1_000_000);
            var currency = check.Code(row, "specific_currency", 3);
            var unit = check.Code(row, "specific_unit", 3);
            var compound = row.Optional("compound")?.ToLowerInvariant();
            if (specific is not null && (currency is null || unit is null))
            {
                check.Fail(row, currency is null ? "specific_currency" : "specific_unit", "a specific duty needs its currency (ISO 4217) and unit (UN/ECE Rec. 20, e.g. KGM)");
            }

            if (specific is null && (currency is not null || unit is not null))
            {
                check.Fail(row, "specific_amount", "a currency or unit is given but no specific amount");
            }

            if (compound is not null and not ("higher" or "lower" or "sum"))
            {
                check.Fail(row, "compound", $"'{compound}' is not a rule; use higher, lower or sum (or leave it empty)");
            }
            else if (adValorem is not null && specific is not null && compound is null)
            {
                check.Fail(row, "compound", "a line with both an ad valorem and a specific duty says how they combine: higher, lower or sum");
            }

            var vat = check.Decimal(row, "vat_percent", 0, 100, required: true);
            var vatByCountry = check.VatByCountry(row);
            var excise = check.Boolean(row, "excise");
            var source = check.Text(row, "legal_source", 500, required: true);
            var (from, to) = check.Period(row);
            var illustrative = check.Boolean(row, "illustrative");
            if (schedule is not null && line is not null && from is not null && !seen.Add((schedule, line, from.Value)))
            {
                check.Fail(row, "tariff_line", $"{schedule} {line} from {from:yyyy-MM-dd} appears twice in the file");
            }

            parsed.Add(new TariffLine
            {
                Schedule = schedule ?? string.Empty,
                Line = line ?? string.Empty,
                Hs6 = line is { Length: >= 6 } ? line[..6] : string.Empty,
                Description = description ?? string.Empty,
                AdValoremPercent = adValorem,
                SpecificAmount = specific,
                SpecificCurrency = currency,
                SpecificUnit = unit,
                Compound = compound,
                VatPercent = vat ?? 0,
                VatByCountry = vatByCountry,
                Excise = excise ?? false,
                LegalSource = source ?? string.Empty,
                ValidFrom = from ?? default,
                ValidTo = to,
                Illustrative = illustrative ?? false,
            });
        }

        if (errors.Count > 0)
        {
            return Refused(file, "schedule", errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var import = NewImport(file, "schedule", digest, by, parsed.Count);
        var schedules = parsed.Select(p => p.Schedule).Distinct().ToList();
        var lines = parsed.Select(p => p.Line).Distinct().ToList();
        var existing = (await db.Lines.Where(l => schedules.Contains(l.Schedule) && lines.Contains(l.Line)).ToListAsync(ct))
            .GroupBy(l => (l.Schedule, l.Line)).ToDictionary(g => g.Key, g => g.ToList());
        int added = 0, updated = 0, unchanged = 0, closed = 0;
        foreach (var row in parsed.OrderBy(p => p.ValidFrom))
        {
            var versions = existing.TryGetValue((row.Schedule, row.Line), out var list) ? list : existing[(row.Schedule, row.Line)] = [];
            var same = versions.FirstOrDefault(v => v.ValidFrom == row.ValidFrom);
            if (row.ValidTo is null && versions.Where(v => v.ValidFrom > row.ValidFrom).Select(v => (DateOnly?)v.ValidFrom).Min() is { } next)
            {
                // Open-ended in the file, but a later version exists: it ends the day before that one, as when it was closed.
                row.ValidTo = next.AddDays(-1);
            }

            if (same is not null)
            {
                if (SameLine(same, row))
                {
                    unchanged++;
                    continue;
                }

                Copy(row, same);
                same.ImportId = import.Id;
                updated++;
                continue;
            }

            // A new version: the one in force before it ends the day before, unless it already ends earlier.
            foreach (var earlier in versions.Where(v => v.ValidFrom < row.ValidFrom && (v.ValidTo is null || v.ValidTo >= row.ValidFrom)))
            {
                earlier.ValidTo = row.ValidFrom.AddDays(-1);
                closed++;
            }

            row.Id = Guid.NewGuid();
            row.ImportId = import.Id;
            versions.Add(row);
            db.Lines.Add(row);
            added++;
        }

        return await FinishAsync(import, file, "schedule", parsed.Count, added, updated, unchanged, closed, transaction, ct);
    }

    private async Task<TariffImportResult> RequirementsAsync(CsvTable table, RowCheck check, List<TariffImportError> errors, string file, string digest, string by, CancellationToken ct)
    {
        var parsed = new List<Requirement>();
        foreach (var row in table.Rows)
        {
            var country = check.Code(row, "country", 2, required: true);
            if (country is not null && !ReferenceCodes.MemberStates.Contains(country))
            {
                check.Fail(row, "country", $"'{country}' is not one of the six countries ({string.Join(", ", ReferenceCodes.MemberStates)})");
            }

            var direction = row.Optional("direction")?.ToLowerInvariant();
            if (direction is null || !Directions.Contains(direction))
            {
                check.Fail(row, "direction", $"'{direction}' is not a direction; use import, export or transit");
            }

            var from = check.Digits(row, "hs_from", 2, 10);
            var to = check.Digits(row, "hs_to", 2, 10);
            if (from is not null && to is not null && string.CompareOrdinal(to.PadRight(10, '9'), from.PadRight(10, '0')) < 0)
            {
                check.Fail(row, "hs_to", $"the range {from}–{to} is empty: hs_to comes before hs_from");
            }

            var kind = row.Optional("kind")?.ToLowerInvariant();
            if (kind is null || !RequirementKinds.All.Contains(kind))
            {
                check.Fail(row, "kind", $"'{kind}' is not a kind; use one of {string.Join(", ", RequirementKinds.All)}");
            }

            var title = check.Text(row, "title", 500, required: true);
            var source = check.Text(row, "legal_source", 500, required: true);
            var (validFrom, validTo) = check.Period(row);
            var illustrative = check.Boolean(row, "illustrative");
            parsed.Add(new Requirement
            {
                Country = country ?? string.Empty,
                Direction = direction ?? string.Empty,
                HsFrom = from ?? string.Empty,
                HsTo = to ?? string.Empty,
                Kind = kind ?? string.Empty,
                Title = title ?? string.Empty,
                LegalSource = source ?? string.Empty,
                ValidFrom = validFrom ?? default,
                ValidTo = validTo,
                Illustrative = illustrative ?? false,
            });
        }

        if (errors.Count > 0)
        {
            return Refused(file, "requirements", errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var import = NewImport(file, "requirements", digest, by, parsed.Count);
        var existing = await db.Requirements.ToListAsync(ct);
        int added = 0, updated = 0, unchanged = 0;
        foreach (var row in parsed)
        {
            var same = existing.FirstOrDefault(r => r.Country == row.Country && r.Direction == row.Direction && r.HsFrom == row.HsFrom && r.HsTo == row.HsTo && r.Kind == row.Kind && r.ValidFrom == row.ValidFrom);
            if (same is null)
            {
                row.Id = Guid.NewGuid();
                row.ImportId = import.Id;
                db.Requirements.Add(row);
                existing.Add(row);
                added++;
            }
            else if (same.Title == row.Title && same.LegalSource == row.LegalSource && same.ValidTo == row.ValidTo && same.Illustrative == row.Illustrative)
            {
                unchanged++;
            }
            else
            {
                (same.Title, same.LegalSource, same.ValidTo, same.Illustrative, same.ImportId) = (row.Title, row.LegalSource, row.ValidTo, row.Illustrative, import.Id);
                updated++;
            }
        }

        return await FinishAsync(import, file, "requirements", parsed.Count, added, updated, unchanged, 0, transaction, ct);
    }

    private async Task<TariffImportResult> RatesAsync(CsvTable table, RowCheck check, List<TariffImportError> errors, string file, string digest, string by, CancellationToken ct)
    {
        var parsed = new List<ExchangeRate>();
        foreach (var row in table.Rows)
        {
            var currency = check.Code(row, "currency", 3, required: true);
            var quote = check.Code(row, "quote_currency", 3, required: true);
            var date = check.Date(row, "rate_date", required: true);
            var rate = check.Decimal(row, "rate", 0, 1_000_000_000, required: true);
            if (rate is 0)
            {
                check.Fail(row, "rate", "a rate is greater than zero");
            }

            var source = check.Text(row, "source", 300, required: true);
            var illustrative = check.Boolean(row, "illustrative");
            parsed.Add(new ExchangeRate { Currency = currency ?? string.Empty, QuoteCurrency = quote ?? string.Empty, Date = date ?? default, Rate = rate ?? 0, Source = source ?? string.Empty, Illustrative = illustrative ?? false });
        }

        if (errors.Count > 0)
        {
            return Refused(file, "rates", errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var import = NewImport(file, "rates", digest, by, parsed.Count);
        var currencies = parsed.Select(p => p.Currency).Distinct().ToList();
        var existing = await db.Rates.Where(r => currencies.Contains(r.Currency)).ToListAsync(ct);
        int added = 0, updated = 0, unchanged = 0;
        foreach (var row in parsed)
        {
            var same = existing.FirstOrDefault(r => r.Currency == row.Currency && r.QuoteCurrency == row.QuoteCurrency && r.Date == row.Date);
            if (same is null)
            {
                row.Id = Guid.NewGuid();
                row.ImportId = import.Id;
                db.Rates.Add(row);
                existing.Add(row);
                added++;
            }
            else if (same.Rate == row.Rate && same.Source == row.Source && same.Illustrative == row.Illustrative)
            {
                unchanged++;
            }
            else
            {
                (same.Rate, same.Source, same.Illustrative, same.ImportId) = (row.Rate, row.Source, row.Illustrative, import.Id);
                updated++;
            }
        }

        return await FinishAsync(import, file, "rates", parsed.Count, added, updated, unchanged, 0, transaction, ct);
    }

    private TariffImport NewImport(string file, string kind, string digest, string by, int rows) =>
        new() { Id = Guid.NewGuid(), File = file.Length > 300 ? file[..300] : file, Kind = kind, Sha256 = digest, ImportedAt = clock.GetUtcNow(), ImportedBy = by, Rows = rows };

    private async Task<TariffImportResult> FinishAsync(TariffImport import, string file, string kind, int rows, int added, int updated, int unchanged, int closed, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, CancellationToken ct)
    {
        (import.Added, import.Updated, import.Closed) = (added, updated, closed);
        db.Imports.Add(import);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new TariffImportResult(file, kind, true, rows, added, updated, unchanged, closed, []);
    }

    private static TariffImportResult Refused(string file, string kind, IReadOnlyList<TariffImportError> errors) =>
        new(file, kind, false, 0, 0, 0, 0, 0, errors);

    private static bool SameLine(TariffLine a, TariffLine b) =>
        a.Description == b.Description && a.AdValoremPercent == b.AdValoremPercent && a.SpecificAmount == b.SpecificAmount
        && a.SpecificCurrency == b.SpecificCurrency && a.SpecificUnit == b.SpecificUnit && a.Compound == b.Compound
        && a.VatPercent == b.VatPercent && a.VatByCountry == b.VatByCountry && a.Excise == b.Excise && a.LegalSource == b.LegalSource && a.ValidTo == b.ValidTo
        && a.Illustrative == b.Illustrative;

    private static void Copy(TariffLine from, TariffLine to)
    {
        to.Description = from.Description;
        to.AdValoremPercent = from.AdValoremPercent;
        to.SpecificAmount = from.SpecificAmount;
        to.SpecificCurrency = from.SpecificCurrency;
        to.SpecificUnit = from.SpecificUnit;
        to.Compound = from.Compound;
        to.VatPercent = from.VatPercent;
        to.VatByCountry = from.VatByCountry;
        to.Excise = from.Excise;
        to.LegalSource = from.LegalSource;
        to.ValidTo = from.ValidTo;
        to.Illustrative = from.Illustrative;
    }

    private static int LineOf(string message)
    {
        var at = message.IndexOf(", line ", StringComparison.Ordinal);
        if (at < 0)
        {
            return 1;
        }

        var digits = new string(message[(at + 7)..].TakeWhile(char.IsAsciiDigit).ToArray());
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var line) ? line : 1;
    }

    /// <summary>Field checks that record an error with the row's line and the column's name and position.</summary>
    private sealed class RowCheck(CsvTable table, List<TariffImportError> errors)
    {
        public void Fail(CsvRow row, string column, string reason)
        {
            var index = table.Header.Select((h, i) => (h, i)).FirstOrDefault(x => string.Equals(x.h.Trim(), column, StringComparison.OrdinalIgnoreCase)).i;
            errors.Add(new TariffImportError(row.Line, column, index + 1, reason));
        }

        public string? Text(CsvRow row, string column, int max, bool required)
        {
            var value = row.Optional(column);
            if (value is null)
            {
                if (required)
                {
                    Fail(row, column, "is empty");
                }

                return null;
            }

            if (value.Length > max)
            {
                Fail(row, column, $"has {value.Length} characters; at most {max}");
                return null;
            }

            return value;
        }

        public string? Digits(CsvRow row, string column, int min, int max)
        {
            var value = row.Optional(column)?.Replace(".", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);
            if (value is null || value.Length < min || value.Length > max || !value.All(char.IsAsciiDigit))
            {
                Fail(row, column, $"'{row.Optional(column)}' is not {min}–{max} digits");
                return null;
            }

            return value;
        }

        public string? Code(CsvRow row, string column, int length, bool required = false)
        {
            var value = row.Optional(column)?.ToUpperInvariant();
            if (value is null)
            {
                if (required)
                {
                    Fail(row, column, "is empty");
                }

                return null;
            }

            if (value.Length != length || !value.All(char.IsAsciiLetterOrDigit))
            {
                Fail(row, column, $"'{value}' is not a {length}-character code");
                return null;
            }

            return value;
        }

        public decimal? Decimal(CsvRow row, string column, decimal min, decimal max, bool required = false)
        {
            var value = row.Optional(column);
            if (value is null)
            {
                if (required)
                {
                    Fail(row, column, "is empty");
                }

                return null;
            }

            if (!decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) || value.Contains(',', StringComparison.Ordinal))
            {
                Fail(row, column, $"'{value}' is not a number (use a dot for decimals: 12.5)");
                return null;
            }

            if (number < min || number > max)
            {
                Fail(row, column, $"{value} is outside {min}–{max}");
                return null;
            }

            return number;
        }

        public bool? Boolean(CsvRow row, string column)
        {
            var value = row.Optional(column)?.ToLowerInvariant();
            switch (value)
            {
                case null:
                case "false" or "no" or "0":
                    return false;
                case "true" or "yes" or "1":
                    return true;
                default:
                    Fail(row, column, $"'{value}' is not true or false");
                    return null;
            }
        }

        public DateOnly? Date(CsvRow row, string column, bool required)
        {
            var value = row.Optional(column);
            if (value is null)
            {
                if (required)
                {
                    Fail(row, column, "is empty; a date is written 2026-01-01");
                }

                return null;
            }

            if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                Fail(row, column, $"'{value}' is not a date (write 2026-01-01)");
                return null;
            }

            return date;
        }

        /// <summary>An optional column: "KZ=16;KG=12", each a country code and a rate from 0 to 100; normalised.</summary>
        public string? VatByCountry(CsvRow row)
        {
            if (!table.Header.Any(h => string.Equals(h.Trim(), "vat_percent_by_country", StringComparison.OrdinalIgnoreCase)) || row.Optional("vat_percent_by_country") is not { } value)
            {
                return null;
            }

            var pairs = new List<string>();
            foreach (var pair in value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var kv = pair.Split('=', StringSplitOptions.TrimEntries);
                if (kv.Length != 2 || kv[0].Length != 2 || !kv[0].All(char.IsAsciiLetterUpper)
                    || !decimal.TryParse(kv[1], NumberStyles.Number, CultureInfo.InvariantCulture, out var rate) || rate < 0 || rate > 100)
                {
                    Fail(row, "vat_percent_by_country", $"'{pair}' is not a country and a rate, e.g. KZ=16");
                    return null;
                }

                pairs.Add($"{kv[0]}={rate.ToString(CultureInfo.InvariantCulture)}");
            }

            return string.Join(';', pairs);
        }

        public (DateOnly? From, DateOnly? To) Period(CsvRow row)
        {
            var from = Date(row, "valid_from", required: true);
            var to = Date(row, "valid_to", required: false);
            if (from is not null && to is not null && to < from)
            {
                Fail(row, "valid_to", $"{to:yyyy-MM-dd} comes before valid_from {from:yyyy-MM-dd}");
            }

            return (from, to);
        }
    }
}
