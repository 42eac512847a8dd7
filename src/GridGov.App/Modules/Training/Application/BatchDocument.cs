using GridGov.Data;
using GridGov.Kernel.Documents;
using GridGov.Kernel.Time;
using GridGov.Modules.Training.Domain;

namespace GridGov.Modules.Training.Application;

/// <summary>
/// A payment batch as the Word document the finance office files (培训补贴支付清单): its reference,
/// programme, provider, the vouchers with the level won and the subsidy, the total and who drafted,
/// approved and paid it. Each download is logged as an export.
/// </summary>
public sealed class BatchDocument(PaymentBook payments, ExportLog exports, GridGovDbContext db)
{
    public async Task<(byte[] Content, string Reference)> WriteAsync(int id, CancellationToken ct)
    {
        var b = await payments.GetAsync(id, ct);
        var blocks = new List<WordBlock>
        {
            new WordParagraph($"批次编号：{b.Reference}"),
            new WordParagraph($"培训券项目：{b.ProgrammeName}"),
            new WordParagraph($"培训机构：{b.ProviderName}"),
            new WordParagraph($"状态：{State(b.State)}　培训券 {b.Count} 张　补贴合计 {b.Total:N0} 元"),
            new WordParagraph($"拟单：{b.CreatedBy}（{b.CreatedAt.Show()}）　审批：{b.ApprovedBy ?? "—"}　支付：{b.PaidBy ?? "—"}"
                + (b.PaidAt is { } paid ? $"（{paid.Show()}，转账凭证号 {b.TransferReference}）" : "")),
            new WordTable([
                ["序号", "券码", "学员", "证书等级", "证书编号", "补贴（元）"],
                .. b.Lines.Select((l, i) => (IReadOnlyList<string>)[(i + 1).ToString(), Voucher.Show(l.Code), l.PersonName, Level(l.Level),
                    l.CertificateNumber ?? "", l.Subsidy.ToString("N0")]),
                ["合计", "", "", "", "", b.Total.ToString("N0")],
            ]),
        };
        using var stream = new MemoryStream();
        WordDocument.Write(stream, "职业技能培训补贴支付清单", blocks);
        exports.Record("payment-batch:" + b.Reference, $"batch={b.Id}", b.Lines.Count, fullValues: false);
        await db.SaveChangesAsync(ct);
        return (stream.ToArray(), b.Reference);
    }

    private static string State(BatchState state) => state switch
    {
        BatchState.Drafted => "待审批",
        BatchState.Approved => "已审批待支付",
        BatchState.Paid => "已支付",
        BatchState.Failed => "支付失败待重付",
        _ => "已撤回",
    };

    internal static string Level(CertificateLevel? level) => level switch
    {
        CertificateLevel.Completion => "培训合格",
        CertificateLevel.Junior => "五级/初级工",
        CertificateLevel.Intermediate => "四级/中级工",
        CertificateLevel.Senior => "三级/高级工",
        CertificateLevel.Technician => "二级/技师",
        CertificateLevel.SeniorTechnician => "一级/高级技师",
        _ => "",
    };
}
