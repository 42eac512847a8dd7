using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace GridGov.Kernel.Hosting;

public static class DemoData
{
    /// <summary>The demo is seeded in Development, or anywhere <c>Demo:Seed</c> is set to true; never by default in production.</summary>
    public static bool Wanted(IConfiguration config, IHostEnvironment env) => config.GetValue("Demo:Seed", env.IsDevelopment());
}
