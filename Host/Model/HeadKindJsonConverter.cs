using System.Text.Json;
using System.Text.Json.Serialization;

namespace Qtl.Model;

/// <summary><see cref="HeadKind"/> in JSON by its lower-case name, as a value ("kind": "quantum") and as a key.</summary>
internal sealed class HeadKindJsonConverter : JsonConverter<HeadKind>
{
    public override HeadKind Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Parse(reader.TokenType == JsonTokenType.String ? reader.GetString() : null);

    public override void Write(Utf8JsonWriter writer, HeadKind value, JsonSerializerOptions options) => writer.WriteStringValue(value.Name());

    public override HeadKind ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Parse(reader.GetString());

    public override void WriteAsPropertyName(Utf8JsonWriter writer, HeadKind value, JsonSerializerOptions options) => writer.WritePropertyName(value.Name());

    private static HeadKind Parse(string? text) => HeadKinds.TryParse(text, out var kind) ? kind
        : throw new JsonException($"unknown head kind '{text}'; allowed: {string.Join(", ", HeadKinds.Names)}.");
}
