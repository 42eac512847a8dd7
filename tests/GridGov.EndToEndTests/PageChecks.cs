using System.Runtime.CompilerServices;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace GridGov.EndToEndTests;

/// <summary>
/// What every page a browser test visits must hold: no script error, no request that fails, no
/// horizontal overflow, no axe violation of WCAG 2.1 A and AA, and on a phone no touch target
/// under 44 × 44 px. <see cref="LiveApp.ShotAsync"/> checks each page it photographs.
/// </summary>
public static class PageChecks
{
    private static readonly ConditionalWeakTable<IPage, List<string>> Problems = new();

    private static readonly AxeRunOptions Wcag21 = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    /// <summary>What a tap must reach on a phone: the page's controls, not words inside a sentence.</summary>
    private const string TouchTargets =
        "header a, header button, .gg-button, .gg-tab, .gg-table td a, .gg-pager a, a.gg-kpi, .gg-lines a, .gg-notice-link, main summary, .gg-more";

    public static void Watch(IPage page)
    {
        var problems = Problems.GetOrCreateValue(page);
        page.Console += (_, m) =>
        {
            // A 4xx or 5xx also logs "Failed to load resource"; the response handler below judges those.
            if (m.Type == "error" && !m.Text.StartsWith("Failed to load resource", StringComparison.Ordinal)) problems.Add($"console error: {m.Text}");
        };
        page.PageError += (_, e) => problems.Add($"script error: {e}");
        page.RequestFailed += (_, r) =>
        {
            // Leaving a page cancels what it was still loading; that is not a failure of the page.
            if (r.Failure is not "net::ERR_ABORTED") problems.Add($"request failed: {r.Url} {r.Failure}");
        };
        page.Response += (_, r) =>
        {
            // Tests open out-of-scope and unknown pages on purpose and read their 404; everything a page loads must load.
            if (r.Status >= 400 && r.Request.ResourceType != "document") problems.Add($"{r.Status} {r.Url}");
        };
    }

    public static async Task AssertSoundAsync(IPage page)
    {
        var problems = Problems.GetOrCreateValue(page);
        Assert.True(problems.Count == 0, $"{page.Url}:\n{string.Join("\n", problems)}");

        var width = page.ViewportSize?.Width ?? 1280;
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"{page.Url} is {scrollWidth} px wide in a {width} px window");

        var axe = await page.RunAxe(Wcag21);
        Assert.True(axe.Violations.Length == 0, $"{page.Url} breaks WCAG 2.1 AA:\n" + string.Join("\n", axe.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(5).Select(n => string.Join(" ", n.Target)))}")));

        if (width <= 480)
        {
            var small = await page.EvaluateAsync<string[]>("""
                selector => [...document.querySelectorAll(selector)]
                  .filter(e => e.offsetParent !== null)
                  .map(e => [e, e.getBoundingClientRect()])
                  .filter(([e, r]) => r.width > 0 && (r.width < 43.5 || r.height < 43.5))
                  .map(([e, r]) => `${e.tagName.toLowerCase()}.${e.className} "${e.textContent.trim().slice(0, 20)}" ${Math.round(r.width)}×${Math.round(r.height)}`)
                """, TouchTargets);
            Assert.True(small.Length == 0, $"{page.Url}: touch targets under 44 × 44 px:\n{string.Join("\n", small.Take(10))}");
        }
    }
}
