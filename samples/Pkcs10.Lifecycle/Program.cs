namespace Pkcs10.Lifecycle;

/// <summary>The entry point: runs <see cref="LifecycleSample"/> and exits with its status.</summary>
internal static class Program
{
    private static int Main() => LifecycleSample.Run(Console.Out, DateTimeOffset.UtcNow);
}
