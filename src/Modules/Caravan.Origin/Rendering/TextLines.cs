using System.Text;

namespace Caravan.Origin.Rendering;

/// <summary>Fitting WinAnsi-encoded text into a width: wrapped at spaces, and shortened with an ellipsis.</summary>
internal static class TextLines
{
    /// <summary>
    /// At most <paramref name="maxLines"/> lines no wider than <paramref name="width"/>: broken at spaces, a word
    /// too long for a line broken where it must, and the last line ending in an ellipsis if text was left over.
    /// </summary>
    public static IReadOnlyList<string> Wrap(string encoded, bool bold, double size, double width, int maxLines)
    {
        var lines = new List<string>(maxLines);
        var line = new StringBuilder();
        var words = encoded.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            var joiner = " ";
            while (word.Length > 0)
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (WinAnsi.Width(candidate, bold, size) <= width)
                {
                    line.Clear().Append(candidate);
                    word = "";
                    continue;
                }
                if (line.Length == 0)
                {
                    // A single word wider than the line (a long reference, a URL): break it where the line ends.
                    var fits = Fitting(word, bold, size, width);
                    line.Append(word, 0, fits);
                    word = word[fits..];
                    joiner = "";
                }
                if (lines.Count == maxLines - 1)
                {
                    // The last line there is room for, and more to come.
                    lines.Add(Shorten(line + joiner + word, bold, size, width, always: true));
                    return lines;
                }
                lines.Add(line.ToString());
                line.Clear();
            }
        }
        if (line.Length > 0)
        {
            lines.Add(line.ToString());
        }
        return lines;
    }

    /// <summary>
    /// The text if it fits, otherwise as much of it as fits followed by an ellipsis (always one when
    /// <paramref name="always"/>, for text that was cut already).
    /// </summary>
    public static string Shorten(string encoded, bool bold, double size, double width, bool always = false)
    {
        if (!always && WinAnsi.Width(encoded, bold, size) <= width)
        {
            return encoded;
        }
        var room = width - WinAnsi.Width([WinAnsi.Ellipsis], bold, size);
        var kept = encoded.AsSpan(0, Fitting(encoded, bold, size, room, atLeastOne: false)).TrimEnd(' ');
        return string.Concat(kept, [WinAnsi.Ellipsis]);
    }

    /// <summary>How many leading characters fit in the width (at least one unless told otherwise, so text advances).</summary>
    private static int Fitting(string encoded, bool bold, double size, double width, bool atLeastOne = true)
    {
        var used = 0.0;
        for (var i = 0; i < encoded.Length; i++)
        {
            used += WinAnsi.Width(encoded.AsSpan(i, 1), bold, size);
            if (used > width)
            {
                return atLeastOne ? Math.Max(i, 1) : i;
            }
        }
        return encoded.Length;
    }
}
