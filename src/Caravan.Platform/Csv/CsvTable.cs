using System.Globalization;
using System.Text;

namespace Caravan.Platform.Csv;

/// <summary>
/// A small RFC 4180 reader for the project's own data files (UTF-8, header row, quoted fields that may hold
/// commas, doubled quotes and line breaks). Rows are read by column name, and every error names the file and line.
/// </summary>
public sealed class CsvTable
{
    private readonly Dictionary<string, int> _columns;

    private CsvTable(string source, IReadOnlyList<string> header, IReadOnlyList<CsvRow> rows)
    {
        Source = source;
        Header = header;
        _columns = header.Select((name, index) => (name, index)).ToDictionary(x => x.name, x => x.index, StringComparer.Ordinal);
        Rows = rows;
        foreach (var row in rows)
        {
            row.Table = this;
        }
    }

    public string Source { get; }

    public IReadOnlyList<string> Header { get; }

    public IReadOnlyList<CsvRow> Rows { get; }

    public static async Task<CsvTable> ReadFileAsync(string path, CancellationToken cancellationToken = default)
    {
        var text = await File.ReadAllTextAsync(path, Encoding.UTF8, cancellationToken).ConfigureAwait(false);
        return Parse(text, Path.GetFileName(path));
    }

    /// <exception cref="FormatException">The text is not well-formed CSV, or a row has the wrong number of fields.</exception>
    public static CsvTable Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var records = new List<(int Line, List<string> Fields)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var inQuotes = false;
        var afterQuote = false;   // a quoted field just closed: only a separator or the end of the record may follow
        var hasContent = false;   // the record holds something, even if only "" (so it is not a blank line)
        var i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        inQuotes = false;
                        afterQuote = true;
                    }
                }
                else
                {
                    if (c == '\n' || (c == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
                    {
                        line++;
                    }

                    field.Append(c);
                }

                continue;
            }

            if (afterQuote && c is not (',' or '\r' or '\n'))
            {
                throw new FormatException($"{source}, line {line}: text after the closing quote of a field.");
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    inQuotes = true;
                    hasContent = true;
                    break;
                case '"':
                    throw new FormatException($"{source}, line {line}: a quote inside an unquoted field.");
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    afterQuote = false;
                    hasContent = true;
                    break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    break; // the \n that follows ends the record
                case '\r':
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    if (hasContent || fields[0].Length > 0)
                    {
                        records.Add((recordLine, fields));
                    }

                    fields = [];
                    afterQuote = false;
                    hasContent = false;
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(c);
                    hasContent = true;
                    break;
            }
        }

        if (inQuotes)
        {
            throw new FormatException($"{source}, line {recordLine}: a quoted field is not closed.");
        }

        if (hasContent || field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add((recordLine, fields));
        }

        if (records.Count == 0)
        {
            throw new FormatException($"{source}: the file is empty; a header row is expected.");
        }

        var duplicate = records[0].Fields.Select(h => h.Trim()).GroupBy(h => h, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new FormatException($"{source}, line {records[0].Line}: the column '{duplicate.Key}' appears twice in the header.");
        }

        var header = records[0].Fields.Select(h => h.Trim()).ToList();
        var rows = new List<CsvRow>(records.Count - 1);
        foreach (var (recordLineNumber, values) in records.Skip(1))
        {
            if (values.Count != header.Count)
            {
                throw new FormatException(string.Create(CultureInfo.InvariantCulture,
                    $"{source}, line {recordLineNumber}: {values.Count} fields where the header has {header.Count}."));
            }

            rows.Add(new CsvRow(recordLineNumber, values));
        }

        return new CsvTable(source, header, rows);
    }

    internal int IndexOf(string column) =>
        _columns.TryGetValue(column, out var index)
            ? index
            : throw new FormatException($"{Source}: there is no column '{column}' (columns: {string.Join(", ", Header)}).");
}

public sealed class CsvRow
{
    private readonly IReadOnlyList<string> _values;

    internal CsvRow(int line, IReadOnlyList<string> values)
    {
        Line = line;
        _values = values;
    }

    public int Line { get; }

    internal CsvTable Table { get; set; } = null!;

    /// <summary>The field, trimmed; empty when the file leaves it empty.</summary>
    public string this[string column] => _values[Table.IndexOf(column)].Trim();

    /// <summary>The field, or null when it is empty.</summary>
    public string? Optional(string column) => this[column] is { Length: > 0 } value ? value : null;

    public string Required(string column) =>
        Optional(column) ?? throw Error($"'{column}' is empty");

    public double? OptionalDouble(string column)
    {
        var value = Optional(column);
        if (value is null)
        {
            return null;
        }

        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var result) && double.IsFinite(result)
            ? result
            : throw Error($"'{column}' is '{value}', not a number");
    }

    public int RequiredInt(string column)
    {
        var value = Required(column);
        return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var result)
            ? result
            : throw Error($"'{column}' is '{value}', not a whole number");
    }

    public FormatException Error(string reason) => new($"{Table.Source}, line {Line}: {reason}.");
}
