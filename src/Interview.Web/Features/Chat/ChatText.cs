using System.Text.RegularExpressions;

namespace Interview.Web.Features.Chat;

/// <summary>Validation and safe link splitting of chat text. Rendering escapes everything; only http(s) URLs become links.</summary>
public static partial class ChatText
{
    /// <summary>A run of chat text: plain, or an http(s) link whose <see cref="Text"/> is also its target.</summary>
    public readonly record struct Segment(string Text, bool IsLink);

    /// <summary>Trims the text and checks its length; returns an error message for the sender, or null.</summary>
    public static string? Validate(string? text, int maxLength, out string normalized)
    {
        normalized = (text ?? "").Trim();
        if (normalized.Length == 0) return "A message cannot be empty.";
        if (normalized.Length > maxLength) return $"A message can be at most {maxLength:N0} characters (this one has {normalized.Length:N0}).";
        return null;
    }

    public static IEnumerable<Segment> Split(string text)
    {
        var last = 0;
        foreach (Match match in LinkPattern().Matches(text))
        {
            var url = match.Value.TrimEnd('.', ',', ';', ':', '!', '?', ')', '\'', '"');
            if (match.Index > last) yield return new Segment(text[last..match.Index], false);
            yield return new Segment(url, Uri.TryCreate(url, UriKind.Absolute, out _));
            last = match.Index + url.Length;
        }
        if (last < text.Length) yield return new Segment(text[last..], false);
    }

    [GeneratedRegex(@"\bhttps?://[^\s<>""]+", RegexOptions.IgnoreCase)]
    private static partial Regex LinkPattern();
}
