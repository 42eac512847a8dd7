using Microsoft.Playwright;

namespace GridGov.EndToEndTests;

/// <summary>A new account's first day, as its user lives it on a phone: initial password changed, authenticator set up; and the audit chain page.</summary>
[Collection(LiveAppCollection.Name)]
public sealed class SecurityJourneyTests(LiveApp app)
{
    [Fact]
    public async Task A_new_grid_worker_changes_the_initial_password_and_sets_up_the_second_factor_before_anything_else()
    {
        var name = $"e2e{Guid.NewGuid():N}"[..12];
        var security = await app.SignedInPageAsync("security");
        await security.GotoAsync("/admin/users");
        var form = security.Locator("[data-testid=create-user]");
        await form.Locator("input[name$=UserName]").FillAsync(name);
        await form.Locator("input[name$=DisplayName]").FillAsync("新网格员");
        await form.Locator("input[name=roles][value=GridWorker]").CheckAsync();
        await form.Locator("input[name$=CaptureScopeCode]").FillAsync("14112710000130003");
        await form.Locator("input[type=password]").FillAsync("Start#2026-Lan-e2e");
        await form.Locator("button[type=submit]").ClickAsync();
        await security.WaitForURLAsync(url => url.Contains("/admin/users/") || url.EndsWith("/admin/users"));
        var errors = security.Locator("[data-testid=form-error]");
        if (await errors.CountAsync() > 0) Assert.Fail(await errors.First.TextContentAsync());

        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        var phone = await context.NewPageAsync();
        PageChecks.Watch(phone);
        await phone.GotoAsync("/account/login");
        await phone.FillAsync("#username", name);
        await phone.FillAsync("#password", "Start#2026-Lan-e2e");
        await phone.ClickAsync("#login-submit");
        await phone.WaitForURLAsync(url => url.Contains("/account/password"));
        await Assertions.Expect(phone.Locator("[data-testid=password-required]")).ToBeVisibleAsync();
        await app.ShotAsync(phone, "30-first-sign-in-password");
        await phone.FillAsync("#current-password", "Start#2026-Lan-e2e");
        await phone.FillAsync("#new-password", "Mine#2026-Lan-e2e");
        await phone.FillAsync("#confirm-password", "Mine#2026-Lan-e2e");
        await phone.ClickAsync("#password-submit");

        await phone.WaitForURLAsync(url => url.Contains("/account/mfa"));
        await Assertions.Expect(phone.Locator(".gg-qr svg")).ToBeVisibleAsync();
        var key = (await phone.Locator("[data-testid=mfa-key]").TextContentAsync())!.Replace(" ", "");
        await app.ShotAsync(phone, "31-second-factor-setup");
        await phone.FillAsync("#mfa-code", GridGov.Tests.Totp.Code(key));
        await phone.ClickAsync("#mfa-submit");
        await Assertions.Expect(phone.Locator("[data-testid=recovery-codes] li")).ToHaveCountAsync(10);
        await app.ShotAsync(phone, "32-recovery-codes");
        await phone.GotoAsync("/people");
        await Assertions.Expect(phone).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/people$"));
    }

    [Fact]
    public async Task The_audit_administrator_checks_the_chain_and_the_sign_in_record()
    {
        var page = await app.SignedInPageAsync("auditadmin", width: 390, height: 844);
        await page.GotoAsync("/audit/chain");
        await Assertions.Expect(page.Locator("[data-testid=chain-intact]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=trails] tbody tr")).ToHaveCountAsync(4);
        await app.ShotAsync(page, "33-audit-chain");
        await page.GotoAsync("/audit/sign-ins");
        await Assertions.Expect(page.Locator("[data-testid=sign-ins] tbody tr").First).ToBeVisibleAsync();
        await app.ShotAsync(page, "34-sign-in-record");
    }

    [Fact]
    public async Task The_administrator_keeps_the_holiday_calendar_on_a_phone()
    {
        var page = await app.SignedInPageAsync("admin", width: 390, height: 844);
        await page.GotoAsync("/admin/calendar?year=2026");
        await Assertions.Expect(page.Locator("[data-testid=calendar] tbody tr").First).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=day-form]")).ToBeVisibleAsync();
        await app.ShotAsync(page, "35-holiday-calendar");
    }
}
