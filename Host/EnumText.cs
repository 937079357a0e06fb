using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Qtl;

/// <summary>
/// The one way every closed set (an enum) is spelt in files, on the command line and in messages: the kebab case
/// of the member's name (Quantum → quantum, ParameterShift → parameter-shift), unless the member names its text
/// with <see cref="JsonStringEnumMemberNameAttribute"/> (QSharp → qsharp). Parsing takes exactly these texts.
/// </summary>
public static class EnumText
{
    /// <summary>The text of <paramref name="value"/>.</summary>
    public static string Text<T>(this T value) where T : struct, Enum
    {
        int index = Array.IndexOf(Table<T>.Values, value);
        return index >= 0 ? Table<T>.Names[index] : throw new ArgumentOutOfRangeException(nameof(value), value, $"not a {typeof(T).Name}.");
    }

    /// <summary>Every text, in declaration order.</summary>
    public static IReadOnlyList<string> Names<T>() where T : struct, Enum => Table<T>.Names;

    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        int index = text is null ? -1 : Array.IndexOf(Table<T>.Names, text);
        value = index >= 0 ? Table<T>.Values[index] : default;
        return index >= 0;
    }

    /// <summary>The member spelt <paramref name="text"/>; otherwise a user error naming <paramref name="option"/> and what is allowed.</summary>
    public static T Parse<T>(string text, string option) where T : struct, Enum => TryParse<T>(text, out var value) ? value
        : throw new UserError($"{option} is '{text}'; allowed: {string.Join(", ", Names<T>())}.");

    private static class Table<T> where T : struct, Enum
    {
        public static readonly T[] Values = Enum.GetValues<T>();
        public static readonly string[] Names = Values.Select(v =>
            typeof(T).GetField(v.ToString())!.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
            ?? JsonNamingPolicy.KebabCaseLower.ConvertName(v.ToString())).ToArray();
    }
}
