using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Storyboard.Asl.Paths;

namespace Storyboard.Asl.Definition;

/// <summary>
/// Loads an Amazon States Language definition (JSONPath query language) for local execution:
/// substitutes <c>${Placeholders}</c> like CDK's DefinitionSubstitutions, then checks every field of
/// every state. Anything the executor would not honour exactly is a load error, never ignored.
/// </summary>
public static partial class DefinitionLoader
{
    private static readonly string[] CommonFields = ["Type", "Comment", "QueryLanguage"];

    private static readonly Dictionary<string, string[]> FieldsByType = new(StringComparer.Ordinal)
    {
        ["Pass"] = ["Next", "End", "InputPath", "OutputPath", "Parameters", "ResultPath", "Result"],
        ["Task"] = ["Next", "End", "InputPath", "OutputPath", "Parameters", "ResultSelector", "ResultPath", "Resource", "Retry", "Catch", "TimeoutSeconds", "TimeoutSecondsPath", "HeartbeatSeconds", "HeartbeatSecondsPath"],
        ["Choice"] = ["Choices", "Default", "InputPath", "OutputPath"],
        ["Wait"] = ["Next", "End", "InputPath", "OutputPath", "Seconds", "SecondsPath", "Timestamp", "TimestampPath"],
        ["Succeed"] = ["InputPath", "OutputPath"],
        ["Fail"] = ["Error", "ErrorPath", "Cause", "CausePath"],
        ["Parallel"] = ["Next", "End", "InputPath", "OutputPath", "Parameters", "ResultSelector", "ResultPath", "Branches", "Retry", "Catch"],
        ["Map"] = ["Next", "End", "InputPath", "OutputPath", "ItemsPath", "ItemSelector", "Parameters", "ItemProcessor", "Iterator", "MaxConcurrency", "MaxConcurrencyPath", "ResultSelector", "ResultPath", "Retry", "Catch", "ItemReader", "ItemBatcher", "ResultWriter", "ToleratedFailurePercentage", "ToleratedFailurePercentagePath", "ToleratedFailureCount", "ToleratedFailureCountPath", "Label"],
    };

    private static readonly string[] Comparisons =
    [
        "StringEquals", "StringLessThan", "StringGreaterThan", "StringLessThanEquals", "StringGreaterThanEquals",
        "NumericEquals", "NumericLessThan", "NumericGreaterThan", "NumericLessThanEquals", "NumericGreaterThanEquals",
        "BooleanEquals",
        "TimestampEquals", "TimestampLessThan", "TimestampGreaterThan", "TimestampLessThanEquals", "TimestampGreaterThanEquals",
    ];

    private static readonly string[] TypeTests = ["IsNull", "IsPresent", "IsNumeric", "IsString", "IsBoolean", "IsTimestamp"];

    /// <summary>Loads a definition file; the state machine name is the file name without <c>.asl.json</c>.</summary>
    public static async Task<StateMachineDefinition> LoadFileAsync(string path, IReadOnlyDictionary<string, string>? substitutions = null, CancellationToken cancellationToken = default)
    {
        var text = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        var name = Path.GetFileName(path);
        foreach (var suffix in new[] { ".asl.json", ".json" })
        {
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                name = name[..^suffix.Length];
                break;
            }
        }

        return Load(text, substitutions, name);
    }

    /// <summary>Parses and validates; throws <see cref="InvalidDefinitionException"/> listing every problem.</summary>
    public static StateMachineDefinition Load(string text, IReadOnlyDictionary<string, string>? substitutions = null, string name = "StateMachine")
    {
        ArgumentNullException.ThrowIfNull(text);
        var problems = new List<string>();
        var substituted = Substitute(text, substitutions ?? new Dictionary<string, string>(), problems);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(substituted, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
        }
        catch (JsonException e)
        {
            problems.Add($"The definition is not valid JSON: {e.Message}");
            throw new InvalidDefinitionException(problems);
        }

        if (root is not JsonObject top)
        {
            problems.Add("The definition must be a JSON object with StartAt and States.");
            throw new InvalidDefinitionException(problems);
        }

        var context = new LoadContext(problems);
        foreach (var (key, value) in top)
        {
            switch (key)
            {
                case "StartAt" or "States" or "Comment" or "TimeoutSeconds" or "Version":
                    break;
                case "QueryLanguage":
                    CheckQueryLanguage(value, "The state machine", problems);
                    break;
                default:
                    problems.Add($"The state machine has the field '{key}', which the local executor does not support.");
                    break;
            }
        }

        int? timeout = null;
        if (top.TryGetPropertyValue("TimeoutSeconds", out var t))
        {
            timeout = context.PositiveInt(t, "The state machine", "TimeoutSeconds");
        }

        var body = context.Body(top, "The state machine");
        if (problems.Count > 0)
        {
            throw new InvalidDefinitionException(problems);
        }

        return new StateMachineDefinition(name, body!, timeout, top["Comment"]?.GetValue<string>(), substituted)
        {
            AllStates = context.AllStates,
        };
    }

    /// <summary>
    /// Replaces <c>${Key}</c> with the substitution value (JSON-escaped, since placeholders sit inside
    /// strings); a placeholder left without a value is a load error rather than a mysterious runtime failure.
    /// </summary>
    public static string Substitute(string text, IReadOnlyDictionary<string, string> substitutions, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(substitutions);
        ArgumentNullException.ThrowIfNull(problems);
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        var result = Placeholder().Replace(text, match =>
        {
            var key = match.Groups[1].Value;
            if (substitutions.TryGetValue(key, out var value))
            {
                var encoded = JsonSerializer.Serialize(value, JsonNodes.Compact);
                return encoded[1..^1];
            }

            missing.Add(key);
            return match.Value;
        });
        foreach (var key in missing)
        {
            problems.Add($"The placeholder '${{{key}}}' has no substitution; pass a value for '{key}'.");
        }

        return result;
    }

    [GeneratedRegex(@"\$\{([^}\s]+)\}")]
    private static partial Regex Placeholder();

    private static void CheckQueryLanguage(JsonNode? value, string where, List<string> problems)
    {
        if (value is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() == "JSONPath")
        {
            return;
        }

        problems.Add($"{where} sets QueryLanguage to {JsonNodes.ToJson(value)}; the local executor runs JSONPath definitions only (JSONata is not supported).");
    }

    private sealed class LoadContext(List<string> problems)
    {
        public Dictionary<string, State> AllStates { get; } = new(StringComparer.Ordinal);

        public StateMachineBody? Body(JsonObject container, string where)
        {
            var startAt = container["StartAt"] is JsonValue s && s.GetValueKind() == JsonValueKind.String ? s.GetValue<string>() : null;
            if (startAt is null)
            {
                problems.Add($"{where} has no StartAt (a string naming the first state).");
            }

            if (container["States"] is not JsonObject statesNode || statesNode.Count == 0)
            {
                problems.Add($"{where} has no States object with at least one state.");
                return null;
            }

            var states = new Dictionary<string, State>(StringComparer.Ordinal);
            foreach (var (name, node) in statesNode)
            {
                if (name.Length is 0 or > 80)
                {
                    problems.Add($"State name '{name}' must be 1 to 80 characters long.");
                }

                if (AllStates.ContainsKey(name))
                {
                    problems.Add($"State '{name}' is defined more than once; state names must be unique across the whole definition.");
                    continue;
                }

                if (node is not JsonObject obj)
                {
                    problems.Add($"State '{name}' must be a JSON object.");
                    continue;
                }

                var state = StateFrom(name, obj);
                if (state is not null)
                {
                    states[name] = state;
                    AllStates[name] = state;
                }
            }

            if (startAt is not null && !states.ContainsKey(startAt) && statesNode.ContainsKey(startAt) is false)
            {
                problems.Add($"{where} has StartAt '{startAt}', but there is no such state in its States.");
            }

            CheckTransitions(states, statesNode, where);
            if (startAt is not null)
            {
                CheckReachability(startAt, states);
            }

            return startAt is null ? null : new StateMachineBody(startAt, states);
        }

        private void CheckTransitions(Dictionary<string, State> states, JsonObject statesNode, string where)
        {
            void Target(string from, string field, string? target)
            {
                if (target is not null && !statesNode.ContainsKey(target))
                {
                    problems.Add($"State '{from}': {field} '{target}' is not a state in {where.ToLowerInvariant().Replace("the ", string.Empty, StringComparison.Ordinal)}'s States.");
                }
            }

            foreach (var state in states.Values)
            {
                Target(state.Name, "Next", state.Next);
                if (state is ChoiceState choice)
                {
                    Target(state.Name, "Default", choice.Default);
                    foreach (var rule in choice.Choices)
                    {
                        Target(state.Name, "Choices[].Next", rule.Next);
                    }
                }

                if (state is RecoverableState recoverable)
                {
                    foreach (var catcher in recoverable.Catch)
                    {
                        Target(state.Name, "Catch[].Next", catcher.Next);
                    }
                }
            }
        }

        private void CheckReachability(string startAt, Dictionary<string, State> states)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var queue = new Queue<string>();
            queue.Enqueue(startAt);
            while (queue.Count > 0)
            {
                var name = queue.Dequeue();
                if (!seen.Add(name) || !states.TryGetValue(name, out var state))
                {
                    continue;
                }

                foreach (var next in Successors(state))
                {
                    queue.Enqueue(next);
                }
            }

            foreach (var name in states.Keys.Where(n => !seen.Contains(n)))
            {
                problems.Add($"State '{name}' is unreachable: no StartAt, Next, Default or Catch leads to it.");
            }
        }

        private static IEnumerable<string> Successors(State state)
        {
            if (state.Next is not null)
            {
                yield return state.Next;
            }

            if (state is ChoiceState choice)
            {
                if (choice.Default is not null)
                {
                    yield return choice.Default;
                }

                foreach (var rule in choice.Choices)
                {
                    if (rule.Next is not null)
                    {
                        yield return rule.Next;
                    }
                }
            }

            if (state is RecoverableState recoverable)
            {
                foreach (var catcher in recoverable.Catch)
                {
                    yield return catcher.Next;
                }
            }
        }

        private State? StateFrom(string name, JsonObject obj)
        {
            var where = $"State '{name}'";
            var type = Str(obj, "Type", where);
            if (type is null || !FieldsByType.TryGetValue(type, out var allowed))
            {
                problems.Add($"{where} has Type {JsonNodes.ToJson(obj["Type"])}; expected one of Task, Pass, Choice, Wait, Succeed, Fail, Parallel, Map.");
                return null;
            }

            foreach (var (key, value) in obj)
            {
                if (key == "QueryLanguage")
                {
                    CheckQueryLanguage(value, where, problems);
                }
                else if (!CommonFields.Contains(key) && !allowed.Contains(key))
                {
                    var hint = key switch
                    {
                        "Assign" or "Output" or "Arguments" => " (JSONata and variables are not supported by the local executor)",
                        "Credentials" => " (cross-account task credentials are not supported locally)",
                        _ => string.Empty,
                    };
                    problems.Add($"{where} has the field '{key}', which a {type} state does not support{hint}.");
                }
            }

            var next = Str(obj, "Next", where);
            var end = obj.TryGetPropertyValue("End", out var endNode) && endNode is JsonValue ev && ev.GetValueKind() == JsonValueKind.True;
            if (endNode is not null && !(endNode is JsonValue ev2 && ev2.GetValueKind() is JsonValueKind.True or JsonValueKind.False))
            {
                problems.Add($"{where}: End must be true or false.");
            }

            if (type is not ("Choice" or "Succeed" or "Fail"))
            {
                if (next is null && !end)
                {
                    problems.Add($"{where} needs either Next or \"End\": true.");
                }
                else if (next is not null && end)
                {
                    problems.Add($"{where} has both Next and \"End\": true; use one.");
                }
            }

            var inputPath = OptionalPath(obj, "InputPath", where, allowContext: false);
            var outputPath = OptionalPath(obj, "OutputPath", where, allowContext: false);
            var comment = obj["Comment"] is JsonValue c && c.GetValueKind() == JsonValueKind.String ? c.GetValue<string>() : null;

            State? state = type switch
            {
                "Pass" => new PassState
                {
                    Name = name,
                    Parameters = Template(obj, "Parameters", where),
                    ResultPath = ResultPathOf(obj, "ResultPath", where),
                    Result = obj["Result"]?.DeepClone(),
                    HasResult = obj.ContainsKey("Result"),
                },
                "Task" => TaskFrom(name, obj, where),
                "Choice" => ChoiceFrom(name, obj, where),
                "Wait" => WaitFrom(name, obj, where),
                "Succeed" => new SucceedState { Name = name },
                "Fail" => FailFrom(name, obj, where),
                "Parallel" => ParallelFrom(name, obj, where),
                "Map" => MapFrom(name, obj, where),
                _ => null,
            };

            return state is null ? null : state with
            {
                Comment = comment,
                Next = next,
                End = end,
                InputPath = inputPath,
                OutputPath = outputPath,
            };
        }

        private TaskState TaskFrom(string name, JsonObject obj, string where)
        {
            var resource = Str(obj, "Resource", where);
            if (resource is null)
            {
                problems.Add($"{where} is a Task without a Resource.");
            }
            else if (!resource.StartsWith("arn:", StringComparison.Ordinal))
            {
                problems.Add($"{where}: Resource '{resource}' is not an ARN.");
            }

            if (obj.ContainsKey("TimeoutSeconds") && obj.ContainsKey("TimeoutSecondsPath"))
            {
                problems.Add($"{where} has both TimeoutSeconds and TimeoutSecondsPath; use one.");
            }

            if (obj.ContainsKey("HeartbeatSeconds") && obj.ContainsKey("HeartbeatSecondsPath"))
            {
                problems.Add($"{where} has both HeartbeatSeconds and HeartbeatSecondsPath; use one.");
            }

            var timeout = obj.TryGetPropertyValue("TimeoutSeconds", out var t) ? PositiveInt(t, where, "TimeoutSeconds") : null;
            var heartbeat = obj.TryGetPropertyValue("HeartbeatSeconds", out var h) ? PositiveInt(h, where, "HeartbeatSeconds") : null;
            if (timeout is not null && heartbeat is not null && heartbeat >= timeout)
            {
                problems.Add($"{where}: HeartbeatSeconds ({heartbeat}) must be smaller than TimeoutSeconds ({timeout}).");
            }

            return new TaskState
            {
                Name = name,
                Resource = resource ?? string.Empty,
                Parameters = Template(obj, "Parameters", where),
                ResultSelector = Template(obj, "ResultSelector", where),
                ResultPath = ResultPathOf(obj, "ResultPath", where),
                Retry = Retriers(obj, where),
                Catch = Catchers(obj, where),
                TimeoutSeconds = timeout,
                TimeoutSecondsPath = RequiredPath(obj, "TimeoutSecondsPath", where),
                HeartbeatSeconds = heartbeat,
                HeartbeatSecondsPath = RequiredPath(obj, "HeartbeatSecondsPath", where),
            };
        }

        private ChoiceState ChoiceFrom(string name, JsonObject obj, string where)
        {
            var rules = new List<ChoiceRule>();
            if (obj["Choices"] is not JsonArray choices || choices.Count == 0)
            {
                problems.Add($"{where} is a Choice without a non-empty Choices array.");
            }
            else
            {
                for (var i = 0; i < choices.Count; i++)
                {
                    var rule = Rule(choices[i], $"{where} Choices[{i}]", topLevel: true);
                    if (rule is not null)
                    {
                        rules.Add(rule);
                    }
                }
            }

            return new ChoiceState { Name = name, Choices = rules, Default = Str(obj, "Default", where) };
        }

        private ChoiceRule? Rule(JsonNode? node, string where, bool topLevel)
        {
            if (node is not JsonObject obj)
            {
                problems.Add($"{where} must be a JSON object.");
                return null;
            }

            string? next = null;
            if (topLevel)
            {
                next = Str(obj, "Next", where);
                if (next is null)
                {
                    problems.Add($"{where} has no Next.");
                }
            }
            else if (obj.ContainsKey("Next"))
            {
                problems.Add($"{where}: a nested rule inside And/Or/Not cannot have Next.");
            }

            var operators = obj.Select(p => p.Key).Where(k => k is not ("Next" or "Comment" or "Variable")).ToList();
            if (operators.Count != 1)
            {
                problems.Add($"{where} must have exactly one comparison or And/Or/Not; found {(operators.Count == 0 ? "none" : string.Join(", ", operators))}.");
                return null;
            }

            var op = operators[0];
            var value = obj[op];
            if (op is "And" or "Or")
            {
                if (obj.ContainsKey("Variable"))
                {
                    problems.Add($"{where}: {op} cannot have a Variable.");
                }

                if (value is not JsonArray children || children.Count == 0)
                {
                    problems.Add($"{where}: {op} must be a non-empty array of rules.");
                    return null;
                }

                var nested = children.Select((c, i) => Rule(c, $"{where}.{op}[{i}]", topLevel: false)).Where(r => r is not null).Select(r => r!).ToList();
                return new ChoiceRule { Next = next, Operator = op, Children = nested };
            }

            if (op == "Not")
            {
                var inner = Rule(value, $"{where}.Not", topLevel: false);
                return inner is null ? null : new ChoiceRule { Next = next, Operator = op, Children = [inner] };
            }

            var variable = RequiredPath(obj, "Variable", where, allowContext: true);
            if (variable is null)
            {
                problems.Add($"{where} uses {op} but has no Variable.");
            }

            var baseOp = op.EndsWith("Path", StringComparison.Ordinal) && op != "StringMatches" ? op[..^4] : op;
            if (TypeTests.Contains(op))
            {
                if (value is not JsonValue b || b.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
                {
                    problems.Add($"{where}: {op} must be true or false.");
                }

                return new ChoiceRule { Next = next, Operator = op, Variable = variable, Value = value?.DeepClone() };
            }

            if (op == "StringMatches")
            {
                if (!JsonNodes.TryGetString(value, out _))
                {
                    problems.Add($"{where}: StringMatches must be a string pattern.");
                }

                return new ChoiceRule { Next = next, Operator = op, Variable = variable, Value = value?.DeepClone() };
            }

            if (!Comparisons.Contains(baseOp))
            {
                problems.Add($"{where} has the operator '{op}', which is not a Choice comparison.");
                return null;
            }

            if (baseOp != op)
            {
                var path = JsonNodes.TryGetString(value, out var p) ? ParsePath(p, $"{where} {op}", allowContext: true) : null;
                if (path is null && !JsonNodes.TryGetString(value, out _))
                {
                    problems.Add($"{where}: {op} must be a path string.");
                }

                return new ChoiceRule { Next = next, Operator = baseOp, Variable = variable, ValuePath = path };
            }

            var kindOk = baseOp switch
            {
                _ when baseOp.StartsWith("String", StringComparison.Ordinal) => JsonNodes.TryGetString(value, out _),
                _ when baseOp.StartsWith("Numeric", StringComparison.Ordinal) => JsonNodes.TryGetNumber(value, out _),
                "BooleanEquals" => value is JsonValue bv && bv.GetValueKind() is JsonValueKind.True or JsonValueKind.False,
                _ => JsonNodes.TryGetString(value, out var ts) && Timestamps.TryParse(ts, out _),
            };
            if (!kindOk)
            {
                problems.Add($"{where}: {op} has the value {JsonNodes.ToJson(value)}, which is not a valid operand for {op}.");
            }

            return new ChoiceRule { Next = next, Operator = baseOp, Variable = variable, Value = value?.DeepClone() };
        }

        private WaitState WaitFrom(string name, JsonObject obj, string where)
        {
            var count = new[] { "Seconds", "SecondsPath", "Timestamp", "TimestampPath" }.Count(obj.ContainsKey);
            if (count != 1)
            {
                problems.Add($"{where} is a Wait that needs exactly one of Seconds, SecondsPath, Timestamp, TimestampPath.");
            }

            double? seconds = null;
            if (obj.TryGetPropertyValue("Seconds", out var s))
            {
                if (JsonNodes.TryGetInteger(s, out var v) && v >= 0)
                {
                    seconds = v;
                }
                else
                {
                    problems.Add($"{where}: Seconds must be a non-negative integer.");
                }
            }

            DateTimeOffset? timestamp = null;
            if (obj.TryGetPropertyValue("Timestamp", out var ts))
            {
                if (JsonNodes.TryGetString(ts, out var text) && Timestamps.TryParse(text, out var parsed))
                {
                    timestamp = parsed;
                }
                else
                {
                    problems.Add($"{where}: Timestamp must be an RFC 3339 timestamp such as 2016-03-14T01:59:00Z.");
                }
            }

            return new WaitState
            {
                Name = name,
                Seconds = seconds,
                SecondsPath = RequiredPath(obj, "SecondsPath", where),
                Timestamp = timestamp,
                TimestampPath = RequiredPath(obj, "TimestampPath", where),
            };
        }

        private FailState FailFrom(string name, JsonObject obj, string where)
        {
            if (obj.ContainsKey("Error") && obj.ContainsKey("ErrorPath"))
            {
                problems.Add($"{where} has both Error and ErrorPath; use one.");
            }

            if (obj.ContainsKey("Cause") && obj.ContainsKey("CausePath"))
            {
                problems.Add($"{where} has both Cause and CausePath; use one.");
            }

            (JsonPathExpression? Path, IntrinsicFunction? Function) Dynamic(string field)
            {
                var text = Str(obj, field, where);
                if (text is null)
                {
                    return (null, null);
                }

                if (IntrinsicFunction.LooksLikeCall(text))
                {
                    try
                    {
                        return (null, IntrinsicFunction.Parse(text));
                    }
                    catch (FormatException e)
                    {
                        problems.Add($"{where} {field}: {e.Message}");
                        return (null, null);
                    }
                }

                return (ParsePath(text, $"{where} {field}", allowContext: true), null);
            }

            var error = Dynamic("ErrorPath");
            var cause = Dynamic("CausePath");
            return new FailState
            {
                Name = name,
                Error = Str(obj, "Error", where),
                ErrorPath = error.Path,
                ErrorFunction = error.Function,
                Cause = Str(obj, "Cause", where),
                CausePath = cause.Path,
                CauseFunction = cause.Function,
            };
        }

        private ParallelState ParallelFrom(string name, JsonObject obj, string where)
        {
            var branches = new List<StateMachineBody>();
            if (obj["Branches"] is not JsonArray array || array.Count == 0)
            {
                problems.Add($"{where} is a Parallel without a non-empty Branches array.");
            }
            else
            {
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonObject branch)
                    {
                        CheckOnly(branch, $"{where} Branches[{i}]", "StartAt", "States", "Comment");
                        var body = Body(branch, $"{where} Branches[{i}]");
                        if (body is not null)
                        {
                            branches.Add(body);
                        }
                    }
                    else
                    {
                        problems.Add($"{where} Branches[{i}] must be an object with StartAt and States.");
                    }
                }
            }

            return new ParallelState
            {
                Name = name,
                Branches = branches,
                Parameters = Template(obj, "Parameters", where),
                ResultSelector = Template(obj, "ResultSelector", where),
                ResultPath = ResultPathOf(obj, "ResultPath", where),
                Retry = Retriers(obj, where),
                Catch = Catchers(obj, where),
            };
        }

        private MapState MapFrom(string name, JsonObject obj, string where)
        {
            if (obj.ContainsKey("ItemProcessor") && obj.ContainsKey("Iterator"))
            {
                problems.Add($"{where} has both ItemProcessor and Iterator; use ItemProcessor.");
            }

            if (obj.ContainsKey("ItemSelector") && obj.ContainsKey("Parameters"))
            {
                problems.Add($"{where} has both ItemSelector and Parameters; use ItemSelector.");
            }

            var processorNode = (obj["ItemProcessor"] ?? obj["Iterator"]) as JsonObject;
            var distributed = false;
            StateMachineBody? processor = null;
            if (processorNode is null)
            {
                problems.Add($"{where} is a Map without an ItemProcessor.");
            }
            else
            {
                CheckOnly(processorNode, $"{where} ItemProcessor", "StartAt", "States", "Comment", "ProcessorConfig");
                if (processorNode["ProcessorConfig"] is JsonObject config)
                {
                    CheckOnly(config, $"{where} ItemProcessor.ProcessorConfig", "Mode", "ExecutionType");
                    var mode = Str(config, "Mode", where);
                    if (mode is not (null or "INLINE" or "DISTRIBUTED"))
                    {
                        problems.Add($"{where}: ProcessorConfig.Mode '{mode}' must be INLINE or DISTRIBUTED.");
                    }

                    distributed = mode == "DISTRIBUTED";
                    var executionType = Str(config, "ExecutionType", where);
                    if (distributed && executionType is not ("STANDARD" or "EXPRESS"))
                    {
                        problems.Add($"{where}: a DISTRIBUTED Map needs ProcessorConfig.ExecutionType STANDARD or EXPRESS.");
                    }
                }

                processor = Body(processorNode, $"{where} ItemProcessor");
            }

            var distributedOnly = new[] { "ItemReader", "ItemBatcher", "ResultWriter", "ToleratedFailurePercentage", "ToleratedFailurePercentagePath", "ToleratedFailureCount", "ToleratedFailureCountPath", "Label" };
            if (!distributed)
            {
                foreach (var field in distributedOnly.Where(obj.ContainsKey))
                {
                    problems.Add($"{where} has '{field}', which only a DISTRIBUTED Map supports (set ItemProcessor.ProcessorConfig.Mode).");
                }
            }

            if (obj.ContainsKey("ItemReader") && obj.ContainsKey("ItemsPath"))
            {
                problems.Add($"{where} has both ItemReader and ItemsPath; use one.");
            }

            int maxConcurrency = 0;
            if (obj.TryGetPropertyValue("MaxConcurrency", out var mc))
            {
                if (JsonNodes.TryGetInteger(mc, out var v) && v >= 0)
                {
                    maxConcurrency = (int)v;
                }
                else
                {
                    problems.Add($"{where}: MaxConcurrency must be a non-negative integer.");
                }
            }

            double? percentage = null;
            if (obj.TryGetPropertyValue("ToleratedFailurePercentage", out var tp))
            {
                if (JsonNodes.TryGetNumber(tp, out var p) && p is >= 0 and <= 100)
                {
                    percentage = p;
                }
                else
                {
                    problems.Add($"{where}: ToleratedFailurePercentage must be a number from 0 to 100.");
                }
            }

            long? failureCount = null;
            if (obj.TryGetPropertyValue("ToleratedFailureCount", out var tc))
            {
                if (JsonNodes.TryGetInteger(tc, out var n) && n >= 0)
                {
                    failureCount = n;
                }
                else
                {
                    problems.Add($"{where}: ToleratedFailureCount must be a non-negative integer.");
                }
            }

            var label = Str(obj, "Label", where);
            if (label is not null && (label.Length > 40 || label.Any(ch => char.IsWhiteSpace(ch) || char.IsControl(ch) || "?*<>{}\\[]:;,|^~$#%&`\"".Contains(ch))))
            {
                problems.Add($"{where}: Label '{label}' must be at most 40 characters with no whitespace and none of ? * < > {{ }} \\ [ ] : ; , | ^ ~ $ # % & ` \".");
            }

            return new MapState
            {
                Name = name,
                ItemsPath = obj.ContainsKey("ItemsPath") ? RequiredPath(obj, "ItemsPath", where, allowContext: true) : JsonPathExpression.Parse("$"),
                ItemSelector = Template(obj, "ItemSelector", where) ?? Template(obj, "Parameters", where),
                Processor = processor ?? new StateMachineBody(string.Empty, new Dictionary<string, State>()),
                Distributed = distributed,
                MaxConcurrency = maxConcurrency,
                MaxConcurrencyPath = RequiredPath(obj, "MaxConcurrencyPath", where),
                ResultSelector = Template(obj, "ResultSelector", where),
                ResultPath = ResultPathOf(obj, "ResultPath", where),
                Retry = Retriers(obj, where),
                Catch = Catchers(obj, where),
                ItemReader = obj["ItemReader"] is JsonObject reader ? ReaderFrom(reader, where) : null,
                ItemBatcher = obj["ItemBatcher"] is JsonObject batcher ? BatcherFrom(batcher, where) : null,
                ResultWriter = obj["ResultWriter"] is JsonObject writer ? WriterFrom(writer, where) : null,
                ToleratedFailurePercentage = percentage,
                ToleratedFailurePercentagePath = RequiredPath(obj, "ToleratedFailurePercentagePath", where),
                ToleratedFailureCount = failureCount,
                ToleratedFailureCountPath = RequiredPath(obj, "ToleratedFailureCountPath", where),
                Label = label,
            };
        }

        private ItemReaderConfig? ReaderFrom(JsonObject reader, string where)
        {
            where += " ItemReader";
            CheckOnly(reader, where, "Resource", "Parameters", "ReaderConfig");
            var resource = Str(reader, "Resource", where);
            if (resource is not ("arn:aws:states:::s3:getObject" or "arn:aws:states:::s3:listObjectsV2"))
            {
                problems.Add($"{where}: Resource '{resource}' is not supported; use arn:aws:states:::s3:getObject or arn:aws:states:::s3:listObjectsV2.");
                return null;
            }

            var parameters = Template(reader, "Parameters", where);
            if (parameters is null)
            {
                problems.Add($"{where} needs Parameters with Bucket and Key (or Prefix).");
                return null;
            }

            string? inputType = null, headerLocation = null, delimiter = null;
            List<string>? headers = null;
            long? maxItems = null;
            JsonPathExpression? maxItemsPath = null;
            if (reader["ReaderConfig"] is JsonObject config)
            {
                CheckOnly(config, where + ".ReaderConfig", "InputType", "CSVHeaderLocation", "CSVHeaders", "CSVDelimiter", "MaxItems", "MaxItemsPath");
                inputType = Str(config, "InputType", where);
                headerLocation = Str(config, "CSVHeaderLocation", where);
                delimiter = Str(config, "CSVDelimiter", where);
                headers = (config["CSVHeaders"] as JsonArray)?.Select(h => h?.GetValue<string>() ?? string.Empty).ToList();
                if (config.TryGetPropertyValue("MaxItems", out var mi))
                {
                    maxItems = JsonNodes.TryGetInteger(mi, out var v) && v >= 0 ? v : null;
                }

                maxItemsPath = RequiredPath(config, "MaxItemsPath", where);
            }

            if (resource.EndsWith("getObject", StringComparison.Ordinal) && inputType is not ("JSON" or "JSONL" or "CSV"))
            {
                problems.Add($"{where}: ReaderConfig.InputType {JsonNodes.ToJson(inputType)} is not supported locally; use JSON, JSONL or CSV (MANIFEST and PARQUET are not).");
            }

            if (inputType == "CSV" && headerLocation is not ("FIRST_ROW" or "GIVEN"))
            {
                problems.Add($"{where}: a CSV reader needs CSVHeaderLocation FIRST_ROW or GIVEN.");
            }

            if (delimiter is not (null or "COMMA" or "PIPE" or "SEMICOLON" or "SPACE" or "TAB"))
            {
                problems.Add($"{where}: CSVDelimiter '{delimiter}' must be COMMA, PIPE, SEMICOLON, SPACE or TAB.");
            }

            return new ItemReaderConfig(resource, parameters, inputType, maxItems, maxItemsPath, headerLocation, headers, delimiter);
        }

        private ItemBatcherConfig BatcherFrom(JsonObject batcher, string where)
        {
            where += " ItemBatcher";
            CheckOnly(batcher, where, "MaxItemsPerBatch", "MaxItemsPerBatchPath", "MaxInputBytesPerBatch", "MaxInputBytesPerBatchPath", "BatchInput");
            long? Positive(string field)
            {
                if (!batcher.TryGetPropertyValue(field, out var node))
                {
                    return null;
                }

                if (JsonNodes.TryGetInteger(node, out var v) && v > 0)
                {
                    return v;
                }

                problems.Add($"{where}: {field} must be a positive integer.");
                return null;
            }

            var items = Positive("MaxItemsPerBatch");
            var bytes = Positive("MaxInputBytesPerBatch");
            var itemsPath = RequiredPath(batcher, "MaxItemsPerBatchPath", where);
            var bytesPath = RequiredPath(batcher, "MaxInputBytesPerBatchPath", where);
            if (items is null && bytes is null && itemsPath is null && bytesPath is null)
            {
                problems.Add($"{where} needs MaxItemsPerBatch or MaxInputBytesPerBatch (or their Path forms).");
            }

            return new ItemBatcherConfig(items, itemsPath, bytes, bytesPath, Template(batcher, "BatchInput", where));
        }

        private ResultWriterConfig? WriterFrom(JsonObject writer, string where)
        {
            where += " ResultWriter";
            CheckOnly(writer, where, "Resource", "Parameters", "WriterConfig");
            var resource = Str(writer, "Resource", where);
            if (resource is not null && resource != "arn:aws:states:::s3:putObject")
            {
                problems.Add($"{where}: Resource '{resource}' must be arn:aws:states:::s3:putObject.");
            }

            var parameters = Template(writer, "Parameters", where);
            if ((resource is null) != (parameters is null))
            {
                problems.Add($"{where} needs Resource and Parameters together.");
            }

            string transformation = "NONE", outputType = "JSON";
            var hasConfig = false;
            if (writer["WriterConfig"] is JsonObject config)
            {
                hasConfig = true;
                CheckOnly(config, where + ".WriterConfig", "Transformation", "OutputType");
                transformation = Str(config, "Transformation", where) ?? "NONE";
                outputType = Str(config, "OutputType", where) ?? "JSON";
                if (transformation is not ("NONE" or "COMPACT" or "FLATTEN"))
                {
                    problems.Add($"{where}: WriterConfig.Transformation '{transformation}' must be NONE, COMPACT or FLATTEN.");
                }

                if (outputType is not ("JSON" or "JSONL"))
                {
                    problems.Add($"{where}: WriterConfig.OutputType '{outputType}' must be JSON or JSONL.");
                }
            }
            else if (parameters is null)
            {
                problems.Add($"{where} cannot be empty: give Resource and Parameters, WriterConfig, or all three.");
            }

            return new ResultWriterConfig(parameters, transformation, outputType, hasConfig);
        }

        private IReadOnlyList<Retrier> Retriers(JsonObject obj, string where)
        {
            if (!obj.TryGetPropertyValue("Retry", out var node))
            {
                return [];
            }

            if (node is not JsonArray array)
            {
                problems.Add($"{where}: Retry must be an array.");
                return [];
            }

            var result = new List<Retrier>();
            for (var i = 0; i < array.Count; i++)
            {
                var w = $"{where} Retry[{i}]";
                if (array[i] is not JsonObject r)
                {
                    problems.Add($"{w} must be an object.");
                    continue;
                }

                CheckOnly(r, w, "ErrorEquals", "IntervalSeconds", "MaxAttempts", "BackoffRate", "MaxDelaySeconds", "JitterStrategy", "Comment");
                var errors = ErrorEquals(r, w, last: i == array.Count - 1);
                var interval = r.TryGetPropertyValue("IntervalSeconds", out var iv) ? (PositiveInt(iv, w, "IntervalSeconds") ?? 1) : 1;
                var attempts = 3;
                if (r.TryGetPropertyValue("MaxAttempts", out var ma))
                {
                    if (JsonNodes.TryGetInteger(ma, out var m) && m >= 0 && m <= 99999999)
                    {
                        attempts = (int)m;
                    }
                    else
                    {
                        problems.Add($"{w}: MaxAttempts must be an integer from 0 to 99999999.");
                    }
                }

                var backoff = 2.0;
                if (r.TryGetPropertyValue("BackoffRate", out var br))
                {
                    if (JsonNodes.TryGetNumber(br, out var b) && b >= 1.0)
                    {
                        backoff = b;
                    }
                    else
                    {
                        problems.Add($"{w}: BackoffRate must be a number greater than or equal to 1.0.");
                    }
                }

                double? maxDelay = r.TryGetPropertyValue("MaxDelaySeconds", out var md) ? PositiveInt(md, w, "MaxDelaySeconds") : null;
                var jitter = Str(r, "JitterStrategy", w);
                if (jitter is not (null or "FULL" or "NONE"))
                {
                    problems.Add($"{w}: JitterStrategy must be FULL or NONE.");
                }

                result.Add(new Retrier(errors, interval, attempts, backoff, maxDelay, jitter == "FULL"));
            }

            return result;
        }

        private IReadOnlyList<Catcher> Catchers(JsonObject obj, string where)
        {
            if (!obj.TryGetPropertyValue("Catch", out var node))
            {
                return [];
            }

            if (node is not JsonArray array)
            {
                problems.Add($"{where}: Catch must be an array.");
                return [];
            }

            var result = new List<Catcher>();
            for (var i = 0; i < array.Count; i++)
            {
                var w = $"{where} Catch[{i}]";
                if (array[i] is not JsonObject c)
                {
                    problems.Add($"{w} must be an object.");
                    continue;
                }

                CheckOnly(c, w, "ErrorEquals", "Next", "ResultPath", "Comment");
                var next = Str(c, "Next", w);
                if (next is null)
                {
                    problems.Add($"{w} has no Next.");
                    continue;
                }

                result.Add(new Catcher(ErrorEquals(c, w, last: i == array.Count - 1), next, ResultPathOf(c, "ResultPath", w)));
            }

            return result;
        }

        private List<string> ErrorEquals(JsonObject obj, string where, bool last)
        {
            if (obj["ErrorEquals"] is not JsonArray array || array.Count == 0)
            {
                problems.Add($"{where} needs a non-empty ErrorEquals array.");
                return [];
            }

            var errors = array.Select(e => JsonNodes.TryGetString(e, out var s) ? s : string.Empty).ToList();
            if (errors.Contains("States.ALL") && (errors.Count > 1 || !last))
            {
                problems.Add($"{where}: States.ALL must appear alone in ErrorEquals and in the last retrier or catcher.");
            }

            return errors;
        }

        private void CheckOnly(JsonObject obj, string where, params string[] allowed)
        {
            foreach (var (key, _) in obj)
            {
                if (!allowed.Contains(key))
                {
                    problems.Add($"{where} has the field '{key}', which is not supported here (allowed: {string.Join(", ", allowed)}).");
                }
            }
        }

        private PayloadTemplate? Template(JsonObject obj, string field, string where) =>
            obj.TryGetPropertyValue(field, out var node) ? PayloadTemplate.Compile(node, $"{where} {field}", problems) : null;

        private JsonPathExpression? OptionalPath(JsonObject obj, string field, string where, bool allowContext)
        {
            if (!obj.TryGetPropertyValue(field, out var node))
            {
                return JsonPathExpression.Parse("$");
            }

            if (node is null)
            {
                return null;
            }

            if (!JsonNodes.TryGetString(node, out var text))
            {
                problems.Add($"{where}: {field} must be a path string or null.");
                return null;
            }

            return ParsePath(text, $"{where} {field}", allowContext);
        }

        private JsonPathExpression? ResultPathOf(JsonObject obj, string field, string where)
        {
            var path = OptionalPath(obj, field, where, allowContext: false);
            if (path is not null && !path.IsReferencePath)
            {
                problems.Add($"{where}: {field} '{path.Text}' must be a reference path (names and indexes only, no wildcards or filters).");
            }

            return path;
        }

        private JsonPathExpression? RequiredPath(JsonObject obj, string field, string where, bool allowContext = true)
        {
            if (!obj.TryGetPropertyValue(field, out var node))
            {
                return null;
            }

            if (!JsonNodes.TryGetString(node, out var text))
            {
                problems.Add($"{where}: {field} must be a path string.");
                return null;
            }

            return ParsePath(text, $"{where} {field}", allowContext);
        }

        private JsonPathExpression? ParsePath(string text, string where, bool allowContext)
        {
            if (!JsonPathExpression.TryParse(text, out var path, out var problem))
            {
                problems.Add($"{where}: {problem}");
                return null;
            }

            if (path!.IsContextPath && !allowContext)
            {
                problems.Add($"{where}: '{text}' refers to the context object, which is not allowed here.");
                return null;
            }

            return path;
        }

        private string? Str(JsonObject obj, string field, string where)
        {
            if (!obj.TryGetPropertyValue(field, out var node))
            {
                return null;
            }

            if (JsonNodes.TryGetString(node, out var value))
            {
                return value;
            }

            problems.Add($"{where}: {field} must be a string.");
            return null;
        }

        public int? PositiveInt(JsonNode? node, string where, string field)
        {
            if (JsonNodes.TryGetInteger(node, out var v) && v > 0 && v <= 99999999)
            {
                return (int)v;
            }

            problems.Add($"{where}: {field} must be a positive integer.");
            return null;
        }
    }
}
