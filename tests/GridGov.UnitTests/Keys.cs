using System.Runtime.CompilerServices;

namespace GridGov.UnitTests;

/// <summary>Domain objects that carry personal data compute blind indexes, which need the process's keys.</summary>
internal static class Keys
{
    [ModuleInitializer]
    internal static void Load() =>
        GridGov.Kernel.Privacy.PersonalDataKeys.Load(Path.Combine(Path.GetTempPath(), "gridgov-unit-keys", "personal-data.json"));
}
