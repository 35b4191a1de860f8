using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;

namespace Caravan.Web.Localization;

/// <summary>Marker type for the interface strings (Localization/Strings/{en,zh,ru}.json).</summary>
public sealed class UiStrings;

/// <summary>
/// Interface strings kept as one flat JSON file per language, which translators can read and edit without
/// tools. A key missing in a language falls back to English, then to the key itself.
/// </summary>
public sealed class JsonStringLocalizerFactory : IStringLocalizerFactory
{
    private static readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, string>> Tables = new(StringComparer.Ordinal);

    public IStringLocalizer Create(Type resourceSource) => new JsonStringLocalizer();

    public IStringLocalizer Create(string baseName, string location) => new JsonStringLocalizer();

    internal static IReadOnlyDictionary<string, string> Table(string language) =>
        Tables.GetOrAdd(language, static lang =>
        {
            using var stream = typeof(JsonStringLocalizerFactory).Assembly.GetManifestResourceStream($"Caravan.Web.Strings.{lang}.json");
            return stream is null
                ? new Dictionary<string, string>()
                : JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? [];
        });
}

internal sealed class JsonStringLocalizer : IStringLocalizer
{
    public LocalizedString this[string name] => Lookup(name);

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var text = Lookup(name);
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, text.Value, arguments), text.ResourceNotFound);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        JsonStringLocalizerFactory.Table(Language).Select(kv => new LocalizedString(kv.Key, kv.Value));

    private static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    private static LocalizedString Lookup(string name)
    {
        if (JsonStringLocalizerFactory.Table(Language).TryGetValue(name, out var value) ||
            JsonStringLocalizerFactory.Table("en").TryGetValue(name, out value))
        {
            return new LocalizedString(name, value);
        }

        return new LocalizedString(name, name, resourceNotFound: true);
    }
}
