using System.Text.Json;
using System.Text.Json.Serialization;

namespace Qtl;

/// <summary>An enum in JSON by its <see cref="EnumText"/>, as a value and as a dictionary key; any other text is refused.</summary>
public sealed class EnumTextConverter<T> : JsonConverter<T> where T : struct, Enum
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Parse(reader.TokenType == JsonTokenType.String ? reader.GetString() : null);

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(value.Text());

    public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Parse(reader.GetString());

    public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WritePropertyName(value.Text());

    private static T Parse(string? text) => EnumText.TryParse<T>(text, out var value) ? value
        : throw new JsonException($"unknown {typeof(T).Name} '{text}'; allowed: {string.Join(", ", EnumText.Names<T>())}.");
}
