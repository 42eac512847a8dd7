using System.Text.Json;
using System.Text.Json.Serialization;

namespace GridGov.Kernel.Privacy;

/// <summary>
/// A personal value as every response and every page shows it. It is masked when it is made, so a
/// view model that carries one cannot carry the full value: there is no conversion from a string,
/// and an architecture test holds every outgoing property named like a declared personal field to
/// this type. The full value travels only through a recorded reveal.
/// </summary>
[JsonConverter(typeof(MaskedJson))]
public readonly struct Masked : IEquatable<Masked>
{
    private readonly string? _text;

    private Masked(string text) => _text = text;

    public static Masked Of(PersonalKind kind, string? value) => new(PersonalData.Masked(kind, value));

    public static Masked IdNumber(string? value) => Of(PersonalKind.IdNumber, value);

    public static Masked Phone(string? value) => Of(PersonalKind.Phone, value);

    /// <summary>The masked text; empty when there was no value.</summary>
    public string Text => _text ?? "";

    public bool IsEmpty => string.IsNullOrEmpty(_text);

    public override string ToString() => Text;

    public bool Equals(Masked other) => Text == other.Text;

    public override bool Equals(object? obj) => obj is Masked other && Equals(other);

    public override int GetHashCode() => Text.GetHashCode(StringComparison.Ordinal);

    public static bool operator ==(Masked left, Masked right) => left.Equals(right);

    public static bool operator !=(Masked left, Masked right) => !left.Equals(right);

    /// <summary>Travels as its masked text; read back (by a client of the API) as text already masked.</summary>
    private sealed class MaskedJson : JsonConverter<Masked>
    {
        public override Masked Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            new(reader.GetString() ?? "");

        public override void Write(Utf8JsonWriter writer, Masked value, JsonSerializerOptions options) => writer.WriteStringValue(value.Text);
    }
}
