using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Storyboard.Core.Validation;

namespace Storyboard.Core.Json;

/// <summary>
/// Walks a parsed document against the source-generated contract before deserializing, because
/// the serializer stops at the first unknown property or wrong type and a user should see them all.
/// </summary>
public static class JsonShapeChecker
{
    public static void Check(JsonElement element, JsonTypeInfo typeInfo, ProblemList problems, string path = "")
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        ArgumentNullException.ThrowIfNull(problems);
        CheckValue(element, typeInfo, problems, path, allowNull: false);
    }

    private static void CheckValue(JsonElement element, JsonTypeInfo info, ProblemList problems, string path, bool allowNull)
    {
        var underlying = Nullable.GetUnderlyingType(info.Type);
        if (element.ValueKind == JsonValueKind.Null)
        {
            if (!allowNull && underlying is null)
            {
                problems.Add(PathOrRoot(path), "null", "must not be null; leave the property out to use the default");
            }

            return;
        }

        if (underlying is not null)
        {
            info = info.Options.GetTypeInfo(underlying);
        }

        switch (info.Kind)
        {
            case JsonTypeInfoKind.Object:
                CheckObject(element, info, problems, path);
                break;
            case JsonTypeInfoKind.Enumerable:
                if (element.ValueKind != JsonValueKind.Array)
                {
                    problems.Add(PathOrRoot(path), Describe(element), "must be a JSON array");
                    return;
                }

                var elementInfo = info.Options.GetTypeInfo(info.ElementType!);
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    CheckValue(item, elementInfo, problems, $"{path}[{index}]", allowNull: false);
                    index++;
                }

                break;
            default:
                CheckScalar(element, info.Type, problems, PathOrRoot(path));
                break;
        }
    }

    private static void CheckObject(JsonElement element, JsonTypeInfo info, ProblemList problems, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add(PathOrRoot(path), Describe(element), "must be a JSON object");
            return;
        }

        var known = info.Properties.ToDictionary(p => p.Name, StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var childPath = path.Length == 0 ? property.Name : path + "." + property.Name;
            if (!known.TryGetValue(property.Name, out var propertyInfo))
            {
                var names = string.Join(", ", known.Keys.Order(StringComparer.Ordinal));
                var hint = known.Keys.FirstOrDefault(k => string.Equals(k, property.Name, StringComparison.OrdinalIgnoreCase));
                problems.Add(childPath, "(unknown property)", hint is not null
                    ? $"is not a known property; did you mean '{hint}'? (names are case-sensitive)"
                    : $"is not a known property; known here: {names}");
                continue;
            }

            CheckValue(property.Value, info.Options.GetTypeInfo(propertyInfo.PropertyType), problems, childPath, propertyInfo.IsSetNullable);
        }
    }

    private static void CheckScalar(JsonElement element, Type type, ProblemList problems, string path)
    {
        if (type == typeof(string))
        {
            if (element.ValueKind != JsonValueKind.String)
            {
                problems.Add(path, Describe(element), "must be a string");
            }
        }
        else if (type == typeof(bool))
        {
            if (element.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                problems.Add(path, Describe(element), "must be true or false");
            }
        }
        else if (type == typeof(int))
        {
            if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt32(out _))
            {
                problems.Add(path, Describe(element), "must be a whole number between -2,147,483,648 and 2,147,483,647");
            }
        }
        else if (type == typeof(long))
        {
            if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt64(out _))
            {
                problems.Add(path, Describe(element), "must be a whole number");
            }
        }
        else if (type == typeof(double) || type == typeof(float))
        {
            if (element.ValueKind != JsonValueKind.Number)
            {
                problems.Add(path, Describe(element), "must be a number");
            }
        }
    }

    private static string PathOrRoot(string path) => path.Length == 0 ? "(root)" : path;

    private static string Describe(JsonElement element)
    {
        var raw = element.GetRawText();
        return raw.Length <= 60 ? raw : raw[..57] + "...";
    }
}
