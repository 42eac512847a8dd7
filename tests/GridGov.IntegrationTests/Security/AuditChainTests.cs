using GridGov.Modules.Audit.Application;
using System.Net;
using GridGov.Data;
using GridGov.IntegrationTests.Infrastructure;
using GridGov.Kernel.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridGov.IntegrationTests.Security;

/// <summary>Audit records are chained by hash: any change, removal or insertion inside a sealed range is found and named.</summary>
public abstract class AuditChainTests(GridGovApp app)
{
    private async Task<T> ChainAsync<T>(Func<AuditChain, Task<T>> work)
    {
        app.SkipIfUnavailable();
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<GridGov.Kernel.Security.CurrentUser>().ActAsSystem();
        return await work(scope.ServiceProvider.GetRequiredService<AuditChain>());
    }

    /// <summary>Changes made to the database from outside the app, as someone with its password would.</summary>
    private Task TamperAsync(string sql, params object[] args) => app.AsSystemAsync(db => db.Database.ExecuteSqlRawAsync(sql, args));

    [Fact]
    public async Task Every_trail_is_sealed_and_verifies_and_a_changed_or_removed_row_is_named()
    {
        var admin = await app.ApiAsync("admin");
        var l3 = await Scratch.LevelThreeAsync(app);
        await (await app.ApiAsync("auditor")).GetAsync("/api/v1/access-log");
        await ChainAsync(c => c.SealAsync(CancellationToken.None));
        var report = await ChainAsync(c => c.VerifyAsync(CancellationToken.None));
        Assert.True(report.Intact, report.FirstBreak?.ToString());
        Assert.Contains(report.Trails, t => t.Trail == "ChangeRecords" && t.Links > 0 && t.Unsealed == 0);
        Assert.Contains(report.Trails, t => t.Trail == "SignInEvents" && t.Links > 0);
        Assert.Contains(report.Trails, t => t.Trail == "PersonAccesses");
        Assert.Contains(report.Trails, t => t.Trail == "ExportRecords");

        var victim = await app.AsSystemAsync(db => db.Set<ChangeRecord>().Where(c => c.EntityType == "Grid").OrderByDescending(c => c.Id).Select(c => c.Id).FirstAsync());
        await TamperAsync("""UPDATE "ChangeRecords" SET "UserName" = 'nobody' WHERE "Id" = {0}""", victim);
        var broken = await ChainAsync(c => c.VerifyAsync(CancellationToken.None));
        Assert.False(broken.Intact);
        Assert.Equal("ChangeRecords", broken.FirstBreak!.Trail);
        Assert.InRange(victim, broken.FirstBreak.FromId, broken.FirstBreak.ToId);
        Assert.Equal("rows_changed", broken.FirstBreak.Reason);

        // A row removed from another trail is named in that trail.
        var last = await app.AsSystemAsync(db => db.Set<AuditSeal>().Where(s => s.Trail == "SignInEvents").OrderByDescending(s => s.ToId).FirstAsync());
        await TamperAsync("""DELETE FROM "SignInEvents" WHERE "Id" = {0}""", last.ToId);
        var removed = (await ChainAsync(c => c.VerifyAsync(CancellationToken.None))).Trails.Single(t => t.Trail == "SignInEvents").Break;
        Assert.Equal((last.FromId, last.ToId), (removed!.FromId, removed.ToId));

        var auditAdmin = await app.ApiAsync("auditadmin");
        var answered = await auditAdmin.GetJsonAsync("/api/v1/audit/chain");
        Assert.False(answered.GetProperty("intact").GetBoolean());
        await (await admin.GetAsync("/api/v1/audit/chain")).ProblemAsync(HttpStatusCode.Forbidden, "permission_denied");
        await (await (await app.ApiAsync("auditor")).GetAsync("/api/v1/audit/chain")).ProblemAsync(HttpStatusCode.Forbidden, "permission_denied");
    }

    [Fact]
    public async Task The_app_itself_cannot_change_or_remove_an_audit_record()
    {
        var error = await Assert.ThrowsAsync<GridGov.Kernel.Errors.ForbiddenException>(() => app.AsSystemAsync(async db =>
        {
            var record = await db.Set<ChangeRecord>().OrderBy(c => c.Id).FirstAsync();
            record.Note = "rewritten";
            await db.SaveChangesAsync();
        }));
        Assert.Equal("audit_append_only", error.Code);
        await Assert.ThrowsAsync<GridGov.Kernel.Errors.ForbiddenException>(() => app.AsSystemAsync(async db =>
        {
            db.Remove(await db.Set<ChangeRecord>().OrderBy(e => e.Id).FirstAsync());
            await db.SaveChangesAsync();
        }));
    }
}

/// <summary>Tampering breaks the chain for good, so these run on a database of their own.</summary>
[Collection(TamperedSqliteCollection.Name)]
public sealed class AuditChainOnSqlite(TamperedSqliteApp app) : AuditChainTests(app);

[Collection(TamperedPostgresCollection.Name)]
public sealed class AuditChainOnPostgres(TamperedPostgresApp app) : AuditChainTests(app);
