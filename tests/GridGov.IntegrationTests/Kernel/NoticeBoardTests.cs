using System.Net;
using GridGov.IntegrationTests.Infrastructure;
using GridGov.Kernel.Notices;
using GridGov.Kernel.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridGov.IntegrationTests.Kernel;

/// <summary>The Kernel's notices carry any module's subject, reach the audience named and no one else, and follow a moved grid.</summary>
public abstract class NoticeBoardTests(GridGovApp app)
{
    private async Task<long> SendAsync(NoticeSubject subject, string kind, params string[] to)
    {
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem();
        var board = scope.ServiceProvider.GetRequiredService<NoticeBoard>();
        board.Add(subject, kind, to);
        await scope.ServiceProvider.GetRequiredService<GridGov.Data.GridGovDbContext>().SaveChangesAsync();
        await board.SendPendingAsync(CancellationToken.None);
        return await app.AsSystemAsync(db => db.Set<Notice>().Where(n => n.SubjectKey == subject.Key).MaxAsync(n => n.Id));
    }

    [Fact]
    public async Task A_notice_about_any_subject_reaches_the_account_it_names_and_no_other()
    {
        var worker = await app.AsSystemAsync(db => db.Users.SingleAsync(u => u.UserName == "gridworker"));
        var key = Guid.NewGuid().ToString("N")[..12];
        var id = await SendAsync(new NoticeSubject("visit", key, "走访 " + key, worker.CaptureScopePath!, "/visits/" + key), "visit_due",
            NoticeBoard.Person(worker.Id));

        var mine = await app.ApiAsync("gridworker");
        var unread = await mine.GetJsonAsync("/api/v1/notices?unread=true&pageSize=200");
        var notice = Assert.Single(unread.GetProperty("items").EnumerateArray(), n => n.Str("subjectKey") == key);
        Assert.Equal(("visit", "visit_due", "/visits/" + key, false), (notice.Str("subjectType"), notice.Str("kind"), notice.Str("link"), notice.GetProperty("isRead").GetBoolean()));
        Assert.True((await mine.GetJsonAsync("/api/v1/notices/unread-count")).GetProperty("unread").GetInt32() >= 1);

        var other = await app.ApiAsync("county");
        Assert.DoesNotContain((await other.GetJsonAsync("/api/v1/notices?pageSize=200")).GetProperty("items").EnumerateArray(), n => n.Str("subjectKey") == key);
        await (await other.PostAsync($"/api/v1/notices/{id}/read", null)).ProblemAsync(HttpStatusCode.NotFound, "notice_not_found");

        Assert.Equal(HttpStatusCode.NoContent, (await mine.PostAsync($"/api/v1/notices/{id}/read", null)).StatusCode);
        Assert.DoesNotContain((await mine.GetJsonAsync("/api/v1/notices?unread=true&pageSize=200")).GetProperty("items").EnumerateArray(), n => n.Str("subjectKey") == key);
        (await mine.PostAsync("/api/v1/notices/read-all", null)).EnsureSuccessStatusCode();
        Assert.Equal(0, (await mine.GetJsonAsync("/api/v1/notices/unread-count")).GetProperty("unread").GetInt32());
    }

    [Fact]
    public async Task Notices_and_audiences_named_by_a_place_follow_a_moved_grid()
    {
        var community = await Scratch.CommunityAsync(app);
        var admin = await app.ApiAsync("admin");
        async Task<string> GridAsync(string parent, string name) =>
            (await admin.PostJsonAsync("/api/v1/grids", new { parentCode = parent, name }, HttpStatusCode.Created)).Str("code");
        var (l1a, l1b) = (await GridAsync(community, "甲"), await GridAsync(community, "乙"));
        var l2 = await GridAsync(l1a, "甲一");
        var l3 = await GridAsync(l2, "甲一1");
        string PathOf(string code) => app.AsSystemAsync(db => db.Set<GridGov.Modules.Territory.Domain.Grid>().Where(g => g.Code == code).Select(g => g.Path).SingleAsync()).Result;
        var path = PathOf(l3);
        var key = Guid.NewGuid().ToString("N")[..12];
        await SendAsync(new NoticeSubject("campaign", key, "筛查 " + key, path, "/campaigns/" + key), "campaign_started", "team:" + path, "grid:" + path, "grid:" + PathOf(l1b));

        await admin.PostJsonAsync($"/api/v1/grids/{l2}/move", new { parentCode = l1b });
        var newPath = PathOf(l3);
        Assert.StartsWith(PathOf(l1b), newPath);

        var after = await app.AsSystemAsync(db => db.Set<Notice>().Where(n => n.SubjectKey == key).OrderBy(n => n.Audience).Select(n => new { n.Path, n.Audience }).ToListAsync());
        Assert.All(after, n => Assert.Equal(newPath, n.Path));
        // A place outside the moved subtree keeps its name.
        Assert.Equal(new[] { "grid:" + PathOf(l1b), "grid:" + newPath, "team:" + newPath }.Order(StringComparer.Ordinal), after.Select(n => n.Audience).Order(StringComparer.Ordinal));
        Assert.Equal(0, await app.AsViewerOfAsync(PathOf(l1a), db => db.Set<Notice>().CountAsync(n => n.SubjectKey == key)));
        Assert.Equal(3, await app.AsViewerOfAsync(PathOf(l1b), db => db.Set<Notice>().CountAsync(n => n.SubjectKey == key)));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class NoticeBoardOnSqlite(SqliteApp app) : NoticeBoardTests(app);

[Collection(PostgresCollection.Name)]
public sealed class NoticeBoardOnPostgres(PostgresApp app) : NoticeBoardTests(app);
