using System.Globalization;
using System.Reflection;
using Storyboard.Benchmarks;

// Usage: dotnet run -c Release --project tests/Storyboard.Benchmarks -- [--quick] [name ...]
var quick = args.Contains("--quick");
var names = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToHashSet(StringComparer.OrdinalIgnoreCase);

var all = Assembly.GetExecutingAssembly().GetTypes()
    .Where(t => typeof(IBenchmark).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
    .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
    .OrderBy(b => b.Name, StringComparer.Ordinal)
    .ToList();

var selected = names.Count == 0 ? all : all.Where(b => names.Contains(b.Name)).ToList();
if (selected.Count == 0)
{
    Console.Error.WriteLine("No benchmark by that name. Available: " + string.Join(", ", all.Select(b => b.Name)));
    return 2;
}

var work = Path.Combine(Path.GetTempPath(), "storyboard-bench-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
Directory.CreateDirectory(work);
var failed = 0;
try
{
    foreach (var benchmark in selected)
    {
        Console.WriteLine($"== {benchmark.Name}: {benchmark.Description}");
        var report = await benchmark.RunAsync(new BenchmarkOptions(quick, work), CancellationToken.None);
        foreach (var (label, value) in report.Figures)
        {
            Console.WriteLine($"   {label,-40} {value}");
        }

        Console.WriteLine($"   goal: {report.Goal} -> {(report.GoalMet ? "met" : "NOT met")}");
        failed += report.GoalMet ? 0 : 1;
    }
}
finally
{
    Directory.Delete(work, recursive: true);
}

return failed == 0 ? 0 : 1;
