using Storyboard.Core.Runs;
using Storyboard.Functions.Contracts;

using Storyboard.Functions.Errors;

namespace Storyboard.Functions.Internal;

/// <summary>Checks of the fields every state needs, with messages that name the state.</summary>
internal static class Require
{
    public static RunContext Run(RunContext? run, string state)
    {
        if (run is null)
        {
            throw InvalidStateInputException.Missing(state, "run");
        }

        if (!RunIds.IsValid(run.RunId) || string.IsNullOrEmpty(run.ConfigKey))
        {
            throw new InvalidStateInputException($"{state} received a 'run' without a valid runId and configKey; it is the object PrepareRun returns.");
        }

        return run;
    }

    public static T Field<T>(T? value, string state, string field)
        where T : class => value ?? throw InvalidStateInputException.Missing(state, field);
}
