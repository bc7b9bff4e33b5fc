namespace CommunityBot.Localization;

/// <summary>The languages the bot speaks. Dutch (nl-BE) first: the users are Flemish schools.</summary>
public enum Language
{
    Dutch,
    English,
}

public static class Languages
{
    public static string Tag(this Language language) => language == Language.English ? "en" : "nl-BE";

    /// <summary>The two-letter code Adaptive Cards accept in <c>lang</c>.</summary>
    public static string CardLang(this Language language) => language == Language.English ? "en" : "nl";

    /// <summary>A Teams locale such as "en-US" or "nl-BE"; anything that is not English is addressed in Dutch.</summary>
    public static Language FromLocale(string? locale) =>
        locale is not null && locale.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? Language.English : Language.Dutch;

    /// <summary>What a user may type after "language"/"taal".</summary>
    public static bool TryParse(string? text, out Language language)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "nl" or "nl-be" or "nederlands" or "dutch" or "vlaams":
                language = Language.Dutch;
                return true;
            case "en" or "english" or "engels":
                language = Language.English;
                return true;
            default:
                language = Language.Dutch;
                return false;
        }
    }
}
