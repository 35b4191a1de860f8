using System.Globalization;
using System.Text;

namespace Caravan.Platform.Localization;

/// <summary>
/// One thing a module can say: a stable key, the English text (a composite format, <c>{0}</c> for the first
/// argument) and the catalog that holds its translations. Declared once, as a static field, so every message a
/// module has can be listed and checked against its translations (<see cref="MessageCatalog.Verify"/>).
/// </summary>
public sealed class MessageTemplate
{
    private readonly FormatText _english;

    internal MessageTemplate(MessageCatalog? catalog, string key, string english)
    {
        Catalog = catalog;
        Key = key;
        English = english;
        _english = new FormatText(english);
    }

    /// <summary>The key under which the module's <c>messages.{language}.json</c> files hold the translations.</summary>
    public string Key { get; }

    /// <summary>The English text, which is also what any language without a translation shows.</summary>
    public string English { get; }

    public MessageCatalog? Catalog { get; }

    /// <summary>How many arguments the English text uses ({0} to {n-1}).</summary>
    public int ArgumentCount => _english.Composite.MinimumArgumentCount;

    /// <summary>This message with its arguments, to be rendered in the reader's language.</summary>
    public Message With(params object?[] args) => new(this, args);

    public override string ToString() => Key;

    internal static MessageTemplate Untranslated(string text) => new(null, text, text.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal));

    /// <summary>The text in <paramref name="culture"/>; English when there is no translation, or when it would need more arguments than given.</summary>
    internal FormatText TextFor(CultureInfo culture, int argumentCount)
    {
        var translated = Catalog?.Find(Key, culture);
        return translated is not null && translated.Composite.MinimumArgumentCount <= argumentCount ? translated : _english;
    }
}

/// <summary>A text parsed once as a composite format, and the plain text for messages without arguments.</summary>
internal sealed class FormatText
{
    public FormatText(string format)
    {
        Composite = CompositeFormat.Parse(format);
        Format = Composite.MinimumArgumentCount == 0 ? string.Format(CultureInfo.InvariantCulture, Composite, []) : format;
    }

    public CompositeFormat Composite { get; }

    /// <summary>The text with escaped braces resolved, for a message without arguments (the format itself otherwise).</summary>
    public string Format { get; }
}
