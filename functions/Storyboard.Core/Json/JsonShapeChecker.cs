using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Storyboard.Core.Validation;

namespace Storyboard.Core.Json;

/// <summary>
/// Walks a parsed document against the source-generated contract before deserializing, because
/// the serializer stops at the first unknown property or wrong type and a user should see them all.
/// Offending properties are removed from the node (so their defaults apply) and offending array
/// items become empty objects (so later items keep their indices); the cleaned node can then be
/// deserialized and its values validated, and the user sees shape and value problems in one list.
/// </summary>
public static class JsonShapeChecker
{
    /// <returns>False when the root itself has the wrong shape and nothing can be salvaged.</returns>
    public static bool CheckAndClean(JsonNode? root, JsonTypeInfo typeInfo, ProblemList problems)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        ArgumentNullException.ThrowIfNull(problems);
        return CheckValue(root, typeInfo, problems, string.Empty, allowNull: false);
    }

    private static bool CheckValue(JsonNode? node, JsonTypeInfo info, ProblemList problems, string path, bool allowNull)
    {
        var underlying = Nullable.GetUnderlyingType(info.Type);
        if (node is null)
        {
            if (allowNull || underlying is not null)
            {
                return true;
            }

            problems.Add(PathOrRoot(path), "null", "must not be null; leave the property out to use the default");
            return false;
        }

        if (underlying is not null)
        {
            info = info.Options.GetTypeInfo(underlying);
        }

        return info.Kind switch
        {
            JsonTypeInfoKind.Object => CheckObject(node, info, problems, path),
            JsonTypeInfoKind.Enumerable => CheckArray(node, info, problems, path),
            _ => CheckScalar(node, info.Type, problems, PathOrRoot(path)),
        };
    }

    private static bool CheckObject(JsonNode node, JsonTypeInfo info, ProblemList problems, string path)
    {
        if (node is not JsonObject obj)
        {
            problems.Add(PathOrRoot(path), Describe(node), "must be a JSON object");
            return false;
        }

        var known = info.Properties.ToDictionary(p => p.Name, StringComparer.Ordinal);
        var rejected = new List<string>();
        foreach (var (name, value) in obj)
        {
            var childPath = path.Length == 0 ? name : path + "." + name;
            if (!known.TryGetValue(name, out var propertyInfo))
            {
                var hint = known.Keys.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
                problems.Add(childPath, "(unknown property)", hint is not null
                    ? $"is not a known property; did you mean '{hint}'? (names are case-sensitive)"
                    : $"is not a known property; known here: {string.Join(", ", known.Keys.Order(StringComparer.Ordinal))}");
                rejected.Add(name);
            }
            else if (!CheckValue(value, info.Options.GetTypeInfo(propertyInfo.PropertyType), problems, childPath, propertyInfo.IsSetNullable))
            {
                rejected.Add(name);
            }
        }

        foreach (var name in rejected)
        {
            obj.Remove(name);
        }

        return true;
    }

    private static bool CheckArray(JsonNode node, JsonTypeInfo info, ProblemList problems, string path)
    {
        if (node is not JsonArray array)
        {
            problems.Add(PathOrRoot(path), Describe(node), "must be a JSON array");
            return false;
        }

        var elementInfo = info.Options.GetTypeInfo(info.ElementType!);
        for (var index = 0; index < array.Count; index++)
        {
            if (!CheckValue(array[index], elementInfo, problems, $"{path}[{index}]", allowNull: false))
            {
                if (elementInfo.Kind != JsonTypeInfoKind.Object)
                {
                    return false;
                }

                array[index] = new JsonObject();
            }
        }

        return true;
    }

    private static bool CheckScalar(JsonNode node, Type type, ProblemList problems, string path)
    {
        var kind = node.GetValueKind();
        string? rule = null;
        if (type == typeof(string))
        {
            rule = kind == JsonValueKind.String ? null : "must be a string";
        }
        else if (type == typeof(bool))
        {
            rule = kind is JsonValueKind.True or JsonValueKind.False ? null : "must be true or false";
        }
        else if (type == typeof(int))
        {
            rule = kind == JsonValueKind.Number && node is JsonValue v && IsWhole(v, int.MinValue, int.MaxValue)
                ? null
                : "must be a whole number between -2,147,483,648 and 2,147,483,647";
        }
        else if (type == typeof(long))
        {
            rule = kind == JsonValueKind.Number && node is JsonValue v && IsWhole(v, long.MinValue, long.MaxValue) ? null : "must be a whole number";
        }
        else if (type == typeof(double) || type == typeof(float))
        {
            rule = kind == JsonValueKind.Number ? null : "must be a number";
        }

        if (rule is null)
        {
            return true;
        }

        problems.Add(path, Describe(node), rule);
        return false;
    }

    private static bool IsWhole(JsonValue value, double min, double max)
    {
        using var document = JsonDocument.Parse(value.ToJsonString());
        return document.RootElement.TryGetInt64(out var whole) && whole >= min && whole <= max;
    }

    private static string PathOrRoot(string path) => path.Length == 0 ? "(root)" : path;

    private static string Describe(JsonNode node)
    {
        var raw = node.ToJsonString();
        return raw.Length <= 60 ? raw : raw[..57] + "...";
    }
}
