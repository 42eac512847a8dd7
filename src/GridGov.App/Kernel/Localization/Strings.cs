[assembly: System.Resources.NeutralResourcesLanguage("zh-CN")]

namespace GridGov.Kernel.Localization;

/// <summary>Marker for the UI and message resources (Strings.resx is Chinese, Strings.en.resx English).</summary>
public sealed class Strings;
