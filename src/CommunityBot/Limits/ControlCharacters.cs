using System.Text;

namespace CommunityBot.Limits;

/// <summary>
/// Text as the bot stores it: without NUL and the other C0/C1 control characters (PostgreSQL refuses NUL in text outright,
/// the rest only garble what others read), and without lone surrogate halves (not valid UTF-8). Tab, line feed and carriage
/// return stay where text may have lines; a name keeps none of them.
/// </summary>
public static class ControlCharacters
{
    public static string Remove(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return IsClean(text, singleLine: false) ? text : Clean(text, singleLine: false);
    }

    /// <summary>For a name: also tab and line breaks become a space.</summary>
    public static string? RemoveFromName(string? name) =>
        name is null || IsClean(name, singleLine: true) ? name : Clean(name, singleLine: true);

    private static bool IsClean(string text, bool singleLine)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (Verdict(text, i, singleLine) != Keep.Character)
            {
                return false;
            }
            i += char.IsHighSurrogate(text[i]) ? 1 : 0;
        }
        return true;
    }

    private static string Clean(string text, bool singleLine)
    {
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            switch (Verdict(text, i, singleLine))
            {
                case Keep.Character when char.IsHighSurrogate(text[i]):
                    clean.Append(text, i, 2);
                    i++;
                    break;
                case Keep.Character:
                    clean.Append(text[i]);
                    break;
                case Keep.Space:
                    clean.Append(' ');
                    break;
            }
        }
        return clean.ToString();
    }

    private static Keep Verdict(string text, int i, bool singleLine)
    {
        var c = text[i];
        if (c is '\t' or '\n' or '\r')
        {
            return singleLine ? Keep.Space : Keep.Character;
        }
        if (char.IsControl(c))
        {
            return Keep.Nothing;
        }
        if (char.IsHighSurrogate(c))
        {
            return i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? Keep.Character : Keep.Nothing;
        }
        return char.IsLowSurrogate(c) ? Keep.Nothing : Keep.Character;
    }

    private enum Keep
    {
        Character,
        Space,
        Nothing,
    }
}
