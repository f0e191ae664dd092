using System.Text.Json.Nodes;

namespace Storyboard.Asl.Paths;

/// <summary>
/// Parameters / ItemSelector / ResultSelector: a JSON template whose keys ending in <c>.$</c> take
/// their value from a path (<c>$.x</c>, <c>$$.Map.Item.Value</c>) or an intrinsic function. Compiled
/// once at load; evaluation builds a fresh object, copying only what it must.
/// </summary>
public sealed class PayloadTemplate
{
    private readonly Node _root;

    private PayloadTemplate(Node root, bool usesContext, bool usesExecutionInput)
    {
        _root = root;
        UsesContext = usesContext;
        UsesExecutionInput = usesExecutionInput;
    }

    public bool UsesContext { get; }

    /// <summary>Whether any path may read $$.Execution.Input (so the context needs a copy of it).</summary>
    public bool UsesExecutionInput { get; }

    /// <summary>Compiles the template; problems (bad paths, unknown functions) are added to <paramref name="problems"/>.</summary>
    public static PayloadTemplate Compile(JsonNode? template, string where, List<string> problems)
    {
        var usesContext = false;
        var usesInput = false;
        var root = CompileNode(template, where, problems, ref usesContext, ref usesInput);
        return new PayloadTemplate(root, usesContext, usesInput);
    }

    public JsonNode? Evaluate(JsonNode? input, Func<JsonNode?> context) => _root.Evaluate(input, context);

    /// <summary>A top-level field written as a literal (not a path), e.g. a lambda:invoke FunctionName.</summary>
    public bool TryGetLiteralField(string name, out JsonNode? value)
    {
        if (_root is ObjectNode obj)
        {
            foreach (var (field, node) in obj.Fields)
            {
                if (field == name && node is ConstantNode constant)
                {
                    value = constant.Value;
                    return true;
                }
            }
        }

        value = null;
        return false;
    }

    private static Node CompileNode(JsonNode? node, string where, List<string> problems, ref bool usesContext, ref bool usesInput)
    {
        switch (node)
        {
            case JsonObject obj:
            {
                var fields = new List<(string Name, Node Value)>();
                foreach (var (key, value) in obj)
                {
                    if (key.EndsWith(".$", StringComparison.Ordinal))
                    {
                        var name = key[..^2];
                        if (!JsonNodes.TryGetString(value, out var expression))
                        {
                            problems.Add($"{where}: the field '{key}' ends in '.$', so its value must be a path or intrinsic function string.");
                            continue;
                        }

                        if (IntrinsicFunction.LooksLikeCall(expression))
                        {
                            try
                            {
                                var call = IntrinsicFunction.Parse(expression);
                                usesContext |= call.UsesContext;
                                usesInput |= call.UsesExecutionInput;
                                fields.Add((name, new CallNode(call)));
                            }
                            catch (FormatException e)
                            {
                                problems.Add($"{where}: field '{key}': {e.Message}");
                            }
                        }
                        else if (JsonPathExpression.TryParse(expression, out var path, out var problem))
                        {
                            usesContext |= path!.IsContextPath;
                            usesInput |= path.ReferencesExecutionInput;
                            fields.Add((name, new PathNode(path, key)));
                        }
                        else
                        {
                            problems.Add($"{where}: field '{key}': {problem}");
                        }
                    }
                    else
                    {
                        fields.Add((key, CompileNode(value, where, problems, ref usesContext, ref usesInput)));
                    }
                }

                return new ObjectNode(fields.ToArray());
            }

            case JsonArray array:
            {
                var items = new Node[array.Count];
                for (var i = 0; i < array.Count; i++)
                {
                    items[i] = CompileNode(array[i], where, problems, ref usesContext, ref usesInput);
                }

                return new ArrayNode(items);
            }

            default:
                return new ConstantNode(node?.DeepClone());
        }
    }

    private abstract class Node
    {
        public abstract JsonNode? Evaluate(JsonNode? input, Func<JsonNode?> context);
    }

    private sealed class ConstantNode(JsonNode? value) : Node
    {
        public JsonNode? Value => value;

        public override JsonNode? Evaluate(JsonNode? input, Func<JsonNode?> context) => value?.DeepClone();
    }

    private sealed class PathNode(JsonPathExpression path, string key) : Node
    {
        public override JsonNode? Evaluate(JsonNode? input, Func<JsonNode?> context) =>
            JsonNodes.Detached(path.Select(path.IsContextPath ? context() : input, $"The field '{key}'"));
    }

    private sealed class CallNode(IntrinsicFunction call) : Node
    {
        public override JsonNode? Evaluate(JsonNode? input, Func<JsonNode?> context) =>
            JsonNodes.Detached(call.Evaluate(input, context));
    }

    private sealed class ObjectNode((string Name, Node Value)[] fields) : Node
    {
        public (string Name, Node Value)[] Fields => fields;

        public override JsonNode? Evaluate(JsonNode? input, Func<JsonNode?> context)
        {
            var result = new JsonObject();
            foreach (var (name, value) in fields)
            {
                result[name] = value.Evaluate(input, context);
            }

            return result;
        }
    }

    private sealed class ArrayNode(Node[] items) : Node
    {
        public override JsonNode? Evaluate(JsonNode? input, Func<JsonNode?> context)
        {
            var result = new JsonArray();
            foreach (var item in items)
            {
                result.Add(item.Evaluate(input, context));
            }

            return result;
        }
    }
}
