using System.Globalization;
using System.Text;

namespace Caravan.Platform.Localization;

/// <summary>
/// Something a module says to a person that may need their language: one <see cref="MessageTemplate"/> and its
/// arguments, kept apart until the text is wanted. Rendering waits for the point where the reply is written, so
/// the words follow <see cref="CultureInfo.CurrentUICulture"/> of that request (ADR 0006).
/// </summary>
/// <remarks>
/// Arguments are codes, numbers and names that stay as they are in every language: numbers are formatted with the
/// invariant culture (a mass is "1200.5" in Russian too, as the trader typed it); an argument that is itself a
/// <see cref="Message"/> (or a <see cref="MessageList"/>) is rendered in the same language.
/// </remarks>
public sealed class Message
{
    private readonly object?[] _args;

    internal Message(MessageTemplate template, object?[] args)
    {
        Template = template;
        _args = args;
    }

    public MessageTemplate Template { get; }

    public IReadOnlyList<object?> Arguments => _args;

    /// <summary>Text that has no translation (yet): shown as it is in every language.</summary>
    public static Message Untranslated(string text) => new(MessageTemplate.Untranslated(text), []);

    /// <summary>The message in the current request's interface language.</summary>
    public override string ToString() => Render(CultureInfo.CurrentUICulture);

    /// <summary>The message in <paramref name="culture"/>, or in English where the module has no translation for it.</summary>
    public string Render(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        if (_args.Length == 0)
        {
            return Template.TextFor(culture, 0).Format;
        }

        var args = new object?[_args.Length];
        for (var i = 0; i < args.Length; i++)
        {
            args[i] = _args[i] switch
            {
                Message m => m.Render(culture),
                MessageList l => l.Render(culture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                var other => other,
            };
        }

        return string.Format(CultureInfo.InvariantCulture, Template.TextFor(culture, args.Length).Composite, args);
    }
}

/// <summary>
/// Items joined by a word of the language ("CSQ or MSK", "CSQ 或 MSK"): the separator is itself a template, so a list
/// inside a message reads naturally in each language. The items are codes and stay as they are.
/// </summary>
public sealed class MessageList(MessageTemplate separator, IEnumerable<object?> items)
{
    private readonly object?[] _items = [.. items];

    public string Render(CultureInfo culture)
    {
        var between = separator.TextFor(culture, 0).Format;
        var text = new StringBuilder();
        for (var i = 0; i < _items.Length; i++)
        {
            if (i > 0)
            {
                text.Append(between);
            }

            text.Append(_items[i] switch
            {
                Message m => m.Render(culture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                var other => other?.ToString(),
            });
        }

        return text.ToString();
    }

    public override string ToString() => Render(CultureInfo.CurrentUICulture);
}
