using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace Caravan.Platform.Localization;

/// <summary>
/// A module's messages and their translations. The module declares each message in code with its English text
/// (<see cref="Declare"/>); the translations are JSON files embedded in the module's assembly, one per language,
/// keyed by the message key (<c>Localization/messages.zh.json</c>, <c>messages.ru.json</c>). Each module owns its
/// catalog, so modules never edit a shared file (ADR 0006).
/// </summary>
/// <remarks>
/// The files are read and parsed once, on first use; a lookup is two dictionary reads. A language is chosen by
/// walking the culture's parents (zh-Hans-CN, zh-Hans, zh), so <c>zh</c> serves every Chinese request the host
/// accepts. A key missing from a file falls back to English.
/// </remarks>
public sealed class MessageCatalog
{
    private readonly Assembly _assembly;
    private readonly string _resourcePrefix;
    private readonly Lazy<FrozenDictionary<string, FrozenDictionary<string, FormatText>>> _languages;
    private readonly ConcurrentDictionary<string, MessageTemplate> _declared = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FrozenDictionary<string, FormatText>?> _byCulture = new(StringComparer.Ordinal);

    /// <param name="assembly">The module's assembly, holding the embedded files.</param>
    /// <param name="resourcePrefix">The files' logical name before the language, e.g. <c>Caravan.Trade.Localization.messages.</c>.</param>
    public MessageCatalog(Assembly assembly, string resourcePrefix)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentException.ThrowIfNullOrEmpty(resourcePrefix);
        _assembly = assembly;
        _resourcePrefix = resourcePrefix;
        _languages = new(Load);
    }

    /// <summary>Every message declared so far (static fields are declared when their class is first used).</summary>
    public IReadOnlyCollection<MessageTemplate> Declared => [.. _declared.Values];

    /// <summary>The languages the module has translations for (file names: zh, ru).</summary>
    public IReadOnlyCollection<string> Languages => _languages.Value.Keys;

    /// <summary>Declares one message. Keys are unique within the catalog; declaring a key twice with another text throws.</summary>
    public MessageTemplate Declare(string key, string english)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentException.ThrowIfNullOrEmpty(english);
        var template = _declared.GetOrAdd(key, k => new MessageTemplate(this, k, english));
        return template.English == english
            ? template
            : throw new InvalidOperationException($"Message '{key}' is declared twice with different texts.");
    }

    /// <summary>The translation of <paramref name="key"/> for <paramref name="culture"/>, or null when English is to be shown.</summary>
    internal FormatText? Find(string key, CultureInfo culture)
    {
        var texts = _byCulture.GetOrAdd(culture.Name, _ => Select(culture));
        return texts is not null && texts.TryGetValue(key, out var text) ? text : null;
    }

    /// <summary>
    /// What is wrong with the translations of the declared messages: a key without a translation in a language,
    /// a translation whose placeholders ({0}, {1}, …) are not those of the English text, a translation of a key
    /// that is not declared. Empty when every message reads correctly in every language.
    /// </summary>
    public IReadOnlyList<string> Verify(IEnumerable<string> expectedLanguages)
    {
        ArgumentNullException.ThrowIfNull(expectedLanguages);
        var problems = new List<string>();
        var raw = LoadRaw();
        foreach (var language in expectedLanguages)
        {
            if (!raw.TryGetValue(language, out var texts))
            {
                problems.Add($"{language}: no file {_resourcePrefix}{language}.json");
                continue;
            }

            foreach (var template in _declared.Values.OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                if (!texts.TryGetValue(template.Key, out var text) || string.IsNullOrWhiteSpace(text))
                {
                    problems.Add($"{language}: '{template.Key}' has no translation");
                    continue;
                }

                var expected = Placeholders(template.English);
                var actual = Placeholders(text);
                if (expected is null || actual is null || !expected.SetEquals(actual))
                {
                    problems.Add($"{language}: '{template.Key}' has placeholders {Show(actual)}, the English text {Show(expected)}");
                }
            }

            problems.AddRange(texts.Keys.Where(k => !_declared.ContainsKey(k)).Order(StringComparer.Ordinal)
                .Select(k => $"{language}: '{k}' is translated but no message has that key"));
        }

        return problems;
    }

    /// <summary>The argument indexes a format uses, or null when it is not a valid composite format.</summary>
    private static HashSet<int>? Placeholders(string format)
    {
        var indexes = new HashSet<int>();
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] is '{' or '}' && i + 1 < format.Length && format[i + 1] == format[i])
            {
                i++;
                continue;
            }

            if (format[i] == '}')
            {
                return null;
            }

            if (format[i] != '{')
            {
                continue;
            }

            var end = format.IndexOf('}', i);
            if (end < 0)
            {
                return null;
            }

            var spec = format[(i + 1)..end];
            var digits = spec.Split(',', ':')[0];
            if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                return null;
            }

            indexes.Add(index);
            i = end;
        }

        return indexes;
    }

    private static string Show(HashSet<int>? placeholders) =>
        placeholders is null ? "(not a valid format)" : "{" + string.Join("}, {", placeholders.Order()) + "}";

    private FrozenDictionary<string, FormatText>? Select(CultureInfo culture)
    {
        for (var c = culture; !string.IsNullOrEmpty(c.Name); c = c.Parent)
        {
            if (_languages.Value.TryGetValue(c.Name, out var texts))
            {
                return texts;
            }
        }

        return null;
    }

    private FrozenDictionary<string, FrozenDictionary<string, FormatText>> Load() =>
        LoadRaw().ToFrozenDictionary(
            l => l.Key,
            l => l.Value.ToFrozenDictionary(t => t.Key, t => new FormatText(t.Value), StringComparer.Ordinal),
            StringComparer.OrdinalIgnoreCase);

    private Dictionary<string, Dictionary<string, string>> LoadRaw()
    {
        var languages = new Dictionary<string, Dictionary<string, string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in _assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(_resourcePrefix, StringComparison.Ordinal) || !name.EndsWith(".json", StringComparison.Ordinal))
            {
                continue;
            }

            var language = name[_resourcePrefix.Length..^".json".Length];
            using var stream = _assembly.GetManifestResourceStream(name)!;
            languages[language] = JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
                ?? throw new InvalidOperationException($"{name} is not a JSON object of strings.");
        }

        return languages;
    }
}
