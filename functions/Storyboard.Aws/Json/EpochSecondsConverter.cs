using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Storyboard.Aws.Json;

/// <summary>awsJson timestamps (Rekognition, Step Functions) are epoch seconds with a fraction, as JSON numbers.</summary>
public sealed class EpochSecondsConverter : JsonConverter<DateTimeOffset?>
{
    public override bool HandleNull => true;

    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        return reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.Number => DateTimeOffset.UnixEpoch.AddTicks((long)Math.Round(reader.GetDouble() * TimeSpan.TicksPerSecond)),
            JsonTokenType.String => DateTimeOffset.Parse(reader.GetString()!, CultureInfo.InvariantCulture),
            _ => throw new JsonException("A timestamp must be a number of epoch seconds."),
        };
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteNumberValue(Math.Round((value.Value - DateTimeOffset.UnixEpoch).TotalSeconds, 3));
    }
}
