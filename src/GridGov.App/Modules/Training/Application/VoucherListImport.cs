using GridGov.Kernel.Errors;
using GridGov.Kernel.Import;
using GridGov.Kernel.Security;
using GridGov.Modules.Training.Contracts;
using GridGov.Modules.Training.Domain;

namespace GridGov.Modules.Training.Application;

/// <summary>The columns of a list of people to issue vouchers to: the ID number matches them on the ledger; the name is for the uploader's eye.</summary>
public static class VoucherListColumns
{
    public const string IdNumber = "身份证号";
    public const string Name = "姓名";
    public static readonly IReadOnlyList<string> Required = [IdNumber];

    public static IDictionary<string, object> Example() => new Dictionary<string, object> { [Name] = "王芳", [IdNumber] = "141127199001010012" };
}

/// <param name="Issued">Vouchers issued by a commit, or that a preview would issue.</param>
public sealed record VoucherListReport(string Token, int Rows, int BadRows, int Issued, int AlreadyHeld, IReadOnlyList<RowError> Errors,
    IReadOnlyList<RowError> Notices, bool Committed);

/// <summary>
/// Vouchers issued from an uploaded list (Excel or CSV) on the Kernel's import pipeline: the preview
/// lists every row that is not on the ledger or not eligible, with its row number and reason, and
/// every person who already holds one; the commit issues all in one transaction, or only the good
/// rows when asked. People are matched on their ID number, so uploading the same list again issues nothing.
/// </summary>
public sealed class VoucherListImport(ImportPipeline pipeline, VoucherIssuer issuer, EligibilityCheck eligibility, TimeProvider clock, CurrentUser user)
{
    public async Task<VoucherListReport> UploadAsync(int programmeId, Stream content, CancellationToken ct) =>
        Report(await pipeline.UploadAsync(await KindAsync(programmeId, ct), content, ct));

    public async Task<VoucherListReport> PreviewAsync(int programmeId, string token, CancellationToken ct) =>
        Report(await pipeline.PreviewAsync(await KindAsync(programmeId, ct), token, ct));

    public async Task<VoucherListReport> CommitAsync(int programmeId, string token, bool goodRowsOnly, CancellationToken ct) =>
        Report(await pipeline.CommitAsync(await KindAsync(programmeId, ct), token, goodRowsOnly, ct));

    private async Task<VoucherListKind> KindAsync(int programmeId, CancellationToken ct)
    {
        // Who may is asked before which programme: no one learns of a programme they may not issue under.
        user.Require(TrainingPermissions.Manage);
        var (programme, rules) = await eligibility.ProgrammeAsync(programmeId, Kernel.Time.ChinaTime.Today(clock), ct);
        return new VoucherListKind(programme, rules, issuer);
    }

    private static VoucherListReport Report((ImportResult Result, VoucherListBatch Batch) run) =>
        new(run.Result.Token, run.Result.Rows, run.Result.BadRows, run.Batch.Issued, run.Batch.Held, run.Result.Errors, run.Result.Notices,
            run.Result.Committed);
}

/// <summary>A programme's list as an import kind: each programme's uploads are its own.</summary>
public sealed class VoucherListKind(VoucherProgramme programme, EligibilityRules rules, VoucherIssuer issuer) : IImportKind<VoucherListRow, VoucherListBatch>
{
    public string Name => "voucher-list-" + programme.Id;
    public Permission Permission => TrainingPermissions.Manage;
    public IReadOnlyList<string> RequiredColumns => VoucherListColumns.Required;
    public int MaxColumns => 20;

    public VoucherListBatch Begin(ImportRun run) => new(programme, rules, issuer, run);
}

public sealed record VoucherListRow(int Number, string IdNumber);

public sealed class VoucherListBatch(VoucherProgramme programme, EligibilityRules rules, VoucherIssuer issuer, ImportRun run) : IImportBatch<VoucherListRow>
{
    private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);

    public int Issued { get; private set; }
    public int Held { get; private set; }

    public VoucherListRow? Read(int number, ImportCells cells)
    {
        var id = cells[VoucherListColumns.IdNumber].ToUpperInvariant();
        if (id.Length == 0)
        {
            run.Fail(number, VoucherListColumns.IdNumber, "id_empty");
            return null;
        }
        if (id.Length != 18) run.Fail(number, VoucherListColumns.IdNumber, "id_wronglength");
        else if (!id[..17].All(char.IsAsciiDigit) || !(char.IsAsciiDigit(id[17]) || id[17] == 'X')) run.Fail(number, VoucherListColumns.IdNumber, "id_badcharacters");
        else if (_seen.TryGetValue(id, out var first)) run.Fail(number, VoucherListColumns.IdNumber, "duplicate_in_file", first);
        else
        {
            _seen[id] = number;
            return new VoucherListRow(number, id);
        }
        return null;
    }

    public async Task ChunkAsync(IReadOnlyList<VoucherListRow> rows, CancellationToken ct)
    {
        var outcomes = await issuer.IssueListAsync(programme, rules, rows.Select(r => (r.Number, r.IdNumber)).ToList(), run.Write, ct);
        foreach (var (row, outcome) in outcomes.OrderBy(o => o.Key))
        {
            if (outcome.Kind == "refused") run.Fail(row, VoucherListColumns.IdNumber, outcome.Code!, outcome.Detail ?? "");
            else if (outcome == ListOutcome.Held)
            {
                Held++;
                run.Notice(row, VoucherListColumns.IdNumber, "already_holds_voucher");
            }
            else Issued++;
        }
    }
}
