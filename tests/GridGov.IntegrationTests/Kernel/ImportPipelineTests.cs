using System.Text;
using GridGov.Data;
using GridGov.IntegrationTests.Infrastructure;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Import;
using GridGov.Kernel.Notices;
using GridGov.Kernel.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridGov.IntegrationTests.Kernel;

/// <summary>
/// The Kernel's import pipeline drives any module's row definition: here a kind of the tests' own,
/// one notice per row, previewed with every bad row named, committed all or nothing or good rows only.
/// </summary>
public abstract class ImportPipelineTests(GridGovApp app)
{
    private sealed record NoticeRow(int Number, string Key, string Kind);

    private sealed class NoticeKind(NoticeBoard board, GridGovDbContext db, string name = "test_notices") : IImportKind<NoticeRow, NoticeBatch>
    {
        public string Name => name;
        public Permission Permission => PlatformPermissions.SystemSettings;
        public IReadOnlyList<string> RequiredColumns => ["key", "kind"];
        public int MaxColumns => 4;
        public int ChunkSize => 2;
        public NoticeBatch Begin(ImportRun run) => new(board, db, run);
    }

    private sealed class NoticeBatch(NoticeBoard board, GridGovDbContext db, ImportRun run) : IImportBatch<NoticeRow>
    {
        public int Chunks { get; private set; }
        public bool Finished { get; private set; }

        public NoticeRow? Read(int number, ImportCells cells)
        {
            if (cells["kind"].Length == 0) run.Fail(number, "kind", "required");
            return new NoticeRow(number, cells["key"], cells["kind"]);
        }

        public async Task ChunkAsync(IReadOnlyList<NoticeRow> rows, CancellationToken ct)
        {
            Chunks++;
            foreach (var r in rows)
                if (r.Kind == "refused_by_domain") run.Fail(r.Number, "kind", "required");
                else if (run.Write) board.Add(new NoticeSubject("import_test", r.Key, r.Key, "", "/"), r.Kind, "test:import");
            if (!run.Write) return;
            await db.SaveChangesAsync(ct);
            await board.SendPendingAsync(ct);
        }

        public Task FinishAsync(CancellationToken ct)
        {
            Finished = true;
            return Task.CompletedTask;
        }
    }

    private async Task<T> AsAdminAsync<T>(Func<ImportPipeline, NoticeBoard, GridGovDbContext, Task<T>> work)
    {
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem();
        var sp = scope.ServiceProvider;
        return await work(sp.GetRequiredService<ImportPipeline>(), sp.GetRequiredService<NoticeBoard>(), sp.GetRequiredService<GridGovDbContext>());
    }

    private static MemoryStream Csv(params string[] lines) => new(Encoding.UTF8.GetBytes(string.Join("\n", ["key,kind", .. lines]) + "\n"));

    private Task<int> StoredAsync(string prefix) =>
        app.AsSystemAsync(db => db.Set<Notice>().CountAsync(n => n.SubjectType == "import_test" && n.SubjectKey.StartsWith(prefix)));

    [Fact]
    public async Task A_file_with_a_bad_row_is_previewed_with_its_row_number_and_written_whole_or_only_its_good_rows()
    {
        var p = Guid.NewGuid().ToString("N")[..8];
        var token = await AsAdminAsync(async (pipeline, board, db) =>
        {
            var (preview, batch) = await pipeline.UploadAsync(new NoticeKind(board, db), Csv($"{p}1,a", $"{p}2,", ",", $"{p}3,refused_by_domain", $"{p}4,b"), default);
            Assert.Equal((5 - 1, 2, false), (preview.Rows, preview.BadRows, preview.Committed));
            Assert.Equal([(3, "kind"), (5, "kind")], preview.Errors.Select(e => (e.Row, e.Column)));
            Assert.All(preview.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));
            Assert.False(batch.Finished);
            return preview.Token;
        });

        var refused = await Assert.ThrowsAsync<ConflictException>(() => AsAdminAsync((pipeline, board, db) => pipeline.CommitAsync(new NoticeKind(board, db), token, false, default)));
        Assert.Equal("import_has_errors", refused.Code);
        Assert.Equal(0, await StoredAsync(p));

        // Refused files are kept for another try; an upload of another kind does not know the token.
        await Assert.ThrowsAsync<NotFoundException>(() => AsAdminAsync((pipeline, board, db) => pipeline.PreviewAsync(new NoticeKind(board, db, "other_kind"), token, default)));
        var (committed, finished) = await AsAdminAsync(async (pipeline, board, db) =>
        {
            var (result, batch) = await pipeline.CommitAsync(new NoticeKind(board, db), token, true, default);
            return (result, batch.Finished);
        });
        Assert.True(committed.Committed && finished);
        Assert.Equal(2, await StoredAsync(p));
        await Assert.ThrowsAsync<NotFoundException>(() => AsAdminAsync((pipeline, board, db) => pipeline.PreviewAsync(new NoticeKind(board, db), token, default)));
    }

    [Fact]
    public async Task A_file_without_a_required_column_or_without_rows_is_refused_before_any_row_is_read()
    {
        var missing = await Assert.ThrowsAsync<AppException>(() => AsAdminAsync((pipeline, board, db) =>
            pipeline.UploadAsync(new NoticeKind(board, db), new MemoryStream("key\nx\n"u8.ToArray()), default)));
        Assert.Equal(("import_missing_columns", 400), (missing.Code, missing.Status));
        var empty = await Assert.ThrowsAsync<AppException>(() => AsAdminAsync((pipeline, board, db) => pipeline.UploadAsync(new NoticeKind(board, db), Csv(",", ","), default)));
        Assert.Equal("import_no_rows", empty.Code);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ImportPipelineOnSqlite(SqliteApp app) : ImportPipelineTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ImportPipelineOnPostgres(PostgresApp app) : ImportPipelineTests(app);
