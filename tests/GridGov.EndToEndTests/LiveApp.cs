using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;

namespace GridGov.EndToEndTests;

/// <summary>
/// The real app on Kestrel, on a free loopback port with its own SQLite database, and Debian's
/// Chromium driven by Playwright (never a downloaded browser). Without Chromium the tests skip
/// and say why.
/// </summary>
public sealed class LiveApp : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"gridgov-e2e-{Guid.NewGuid():N}");
    private Process? _server;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";

    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _log = new();

    /// <summary>
    /// The code in the last text message the app wrote to its log: with no SMS gateway configured,
    /// a Development app logs each message it would have sent (the logging sender).
    /// </summary>
    public async Task<string> LastTextedCodeAsync()
    {
        for (var i = 0; i < 40; i++)
        {
            var text = _log.Reverse().FirstOrDefault(l => l.Contains("验证码为"));
            if (text is not null && System.Text.RegularExpressions.Regex.Match(text, @"验证码为 (\d{6})") is { Success: true } m) return m.Groups[1].Value;
            await Task.Delay(250);
        }
        throw new InvalidOperationException("no text message in the app's log");
    }

    /// <summary>A client of the app's API with a bearer token for a demo login (a second factor from the demo's key where the role needs one).</summary>
    public async Task<HttpClient> ApiAsync(string user)
    {
        SkipIfUnavailable();
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        var token = await client.PostAsync("/api/v1/auth/token", System.Net.Http.Json.JsonContent.Create(new
        {
            userName = user, password = "GridGov@2026", code = GridGov.Tests.Totp.Code(GridGov.Modules.Demo.DemoCounty.AuthenticatorKey),
        }));
        token.EnsureSuccessStatusCode();
        var body = System.Text.Json.JsonDocument.Parse(await token.Content.ReadAsStringAsync()).RootElement;
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", body.GetProperty("accessToken").GetString());
        return client;
    }

    /// <summary>A phone's page with nobody signed in, as a resident opens a link.</summary>
    public async Task<IPage> AnonymousPageAsync(int width = 390, int height = 844)
    {
        SkipIfUnavailable();
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl, ViewportSize = new ViewportSize { Width = width, Height = height }, Locale = "zh-CN",
        });
        var page = await context.NewPageAsync();
        PageChecks.Watch(page);
        return page;
    }
    public IBrowser Browser { get; private set; } = null!;
    public string? Unavailable { get; private set; }
    public static string Root { get; } = FindRoot();
    public string Artifacts { get; } = Path.Combine(Root, "artifacts", "screenshots");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            Unavailable = $"End-to-end tests skipped: no Chromium at {ChromiumPath} (apt-get install -y chromium fonts-noto-cjk).";
            return;
        }
        Directory.CreateDirectory(_folder);
        Directory.CreateDirectory(Artifacts);
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        var web = Path.Combine(Root, "src", "GridGov.Web");
        var dll = Path.Combine(web, "bin", Configuration(), "net10.0", "GridGov.Web.dll");
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = web, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Urls"] = BaseUrl;
        start.Environment["ConnectionStrings__GridGov"] = $"Data Source={Path.Combine(_folder, "e2e.db")}";
        start.Environment["Database__Provider"] = "Sqlite";
        // The browser tests sign in a dozen times a minute from one address; the limit has tests of its own.
        start.Environment["Auth__SignInPerClientPerMinute"] = "1000";
        // A county's tile server under the maps, stood in for by the browser itself (see SignedInPageAsync).
        start.Environment["Map__TileUrl"] = TileHost + "/{z}/{x}/{y}.png";
        start.Environment["Map__TileAttribution"] = TileCredit;
        _server = Process.Start(start) ?? throw new InvalidOperationException("could not start the app");
        _server.OutputDataReceived += (_, e) => { if (e.Data is { } line) _log.Enqueue(line); };
        _server.ErrorDataReceived += (_, _) => { };
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();
        await WaitHealthyAsync();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath, Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public const string TileHost = "http://tiles.gridgov.test";
    public const string TileCredit = "底图：县级瓦片服务（测试）";

    /// <summary>Every tile the pages asked the stand-in tile server for.</summary>
    public System.Collections.Concurrent.ConcurrentBag<string> TileRequests { get; } = [];

    /// <summary>A one-pixel light-grey PNG, stretched over each tile.</summary>
    private static readonly byte[] Tile = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP4/58BAAT/Af9jgNErAAAAAElFTkSuQmCC");

    public void SkipIfUnavailable()
    {
        if (Unavailable is { } why) Assert.Skip(why);
    }

    public async Task<IPage> SignedInPageAsync(string user, int width = 1280, int height = 900, string locale = "zh-CN")
    {
        SkipIfUnavailable();
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl, ViewportSize = new ViewportSize { Width = width, Height = height }, Locale = locale,
        });
        await context.RouteAsync(TileHost + "/**", route =>
        {
            TileRequests.Add(route.Request.Url);
            return route.FulfillAsync(new() { ContentType = "image/png", BodyBytes = Tile });
        });
        var page = await context.NewPageAsync();
        PageChecks.Watch(page);
        for (var attempt = 1; ; attempt++)
        {
            await page.GotoAsync("/account/login");
            await page.FillAsync("#username", user);
            await page.FillAsync("#password", "GridGov@2026");
            // Every demo login that signs in with a second factor holds the demo's published authenticator key.
            await page.FillAsync("#code", GridGov.Tests.Totp.Code(GridGov.Modules.Demo.DemoCounty.AuthenticatorKey));
            await page.ClickAsync("#login-submit");
            await page.WaitForLoadStateAsync();
            if (!page.Url.Contains("/account/login")) return page;
            // A code typed at the very end of its 30-second window can expire before the server reads it;
            // a person types the next one. Any other refusal fails the test with what the page said.
            var codeRefused = await page.Locator("[data-testid=login-code-needed]").CountAsync() > 0;
            if (!codeRefused || attempt == 2)
                throw new InvalidOperationException($"{user} could not sign in: {await page.Locator("main").InnerTextAsync()}");
            await Task.Delay(TimeSpan.FromSeconds(31 - DateTimeOffset.UtcNow.ToUnixTimeSeconds() % 30));
        }
    }

    /// <summary>Keeps a screenshot of the page under artifacts/screenshots and checks it (<see cref="PageChecks"/>).</summary>
    public async Task ShotAsync(IPage page, string name)
    {
        // Charts are drawn by script after the page arrives; the picture and the checks wait for them.
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('[data-chart],[data-map]')].every(e => e.hasAttribute('data-drawn') && e.querySelector('canvas'))");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, name + ".png"), FullPage = true });
        await PageChecks.AssertSoundAsync(page);
    }

    private async Task WaitHealthyAsync()
    {
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(180);
        while (DateTime.UtcNow < deadline)
        {
            if (_server!.HasExited) throw new InvalidOperationException($"the app exited with {_server.ExitCode}");
            try
            {
                if ((await http.GetAsync(BaseUrl + "/healthz")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(250);
        }
        throw new TimeoutException("the app did not become healthy in 180 s");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Configuration() =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GridGov.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("no GridGov.sln above the test folder");
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_server is { HasExited: false })
        {
            _server.Kill(entireProcessTree: true);
            await _server.WaitForExitAsync();
        }
        try { Directory.Delete(_folder, true); } catch (IOException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class LiveAppCollection : ICollectionFixture<LiveApp>
{
    public const string Name = "Live app";
}
