namespace Storyboard.Asl.Tasks;

/// <summary>Lambda accepts a function as a name, <c>account:function:name</c>, or a full ARN, each with an optional qualifier.</summary>
public static class FunctionNames
{
    public static string Normalize(string functionNameOrArn)
    {
        ArgumentException.ThrowIfNullOrEmpty(functionNameOrArn);
        var parts = functionNameOrArn.Split(':');
        var index = Array.IndexOf(parts, "function");
        if (index >= 0 && index + 1 < parts.Length)
        {
            return parts[index + 1];
        }

        return parts[0];
    }
}
