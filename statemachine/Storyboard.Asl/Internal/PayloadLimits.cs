using Storyboard.Asl.Execution;

namespace Storyboard.Asl.Internal;

internal static class PayloadLimits
{
    /// <summary>Step Functions' limit on a state's input, output, task parameters and result: 256 KiB of UTF-8.</summary>
    public const int MaxBytes = 262_144;

    public static void Check(int bytes, string what)
    {
        if (bytes > MaxBytes)
        {
            throw new StatesErrorException(StatesErrors.DataLimitExceeded,
                $"The {what} is {bytes:N0} bytes, over the 262,144-byte (256 KiB) limit. Pass large data through the object store and send its key instead.");
        }
    }
}
