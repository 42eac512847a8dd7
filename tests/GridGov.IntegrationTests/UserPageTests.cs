using System.Net;
using GridGov.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GridGov.IntegrationTests;

/// <summary>The account form posts what it shows: the page that receives it binds every field.</summary>
public abstract class UserPageTests(GridGovApp app)
{
    [Fact]
    public async Task The_security_administrator_creates_an_account_through_the_page()
    {
        var browser = new Browser(app);
        await browser.SignInAsync("security", GridGovApp.Password);
        var name = $"page{Guid.NewGuid():N}"[..14];
        var response = await browser.SubmitAsync("/admin/users", "/admin/users", new Dictionary<string, string>
        {
            ["Input.UserName"] = name, ["Input.DisplayName"] = "页面建号", ["roles"] = "GridWorker", ["Input.CaptureScopeCode"] = "14112710000130003",
            ["Input.Password"] = "Page#2026-Lan-xyz",
        }, handler: "create-user");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/admin/users/", response.Headers.Location!.AbsolutePath);
        var user = await app.AsSystemAsync(db => db.Users.SingleAsync(u => u.UserName == name));
        Assert.Equal(("页面建号", "14112710000130003", true), (user.DisplayName, user.CaptureScopeCode, user.MustChangePassword));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class UserPageOnSqlite(SqliteApp app) : UserPageTests(app);

[Collection(PostgresCollection.Name)]
public sealed class UserPageOnPostgres(PostgresApp app) : UserPageTests(app);
