using GridGov.Kernel.Errors;
using GridGov.Modules.Training.Domain;

namespace GridGov.UnitTests.Training;

public class PaymentBatchTests
{
    private static readonly DateOnly Day = new(2026, 3, 2);
    private static readonly DateTime At = GridGov.Kernel.Time.ChinaTime.StartOf(Day).AddHours(10);

    private static (PaymentBatch Batch, List<Voucher> Vouchers) Drafted(int count)
    {
        var programme = VoucherTests.Programme();
        var trainingClass = VoucherTests.Class();
        var vouchers = Enumerable.Range(1, count).Select(i =>
        {
            var v = Voucher.Issue(programme, i, "学员" + i, "p/", "hr1", At, Day).WithId(i);
            v.Claim("trainee:" + i, At, Day, null);
            v.Enrol(trainingClass, "tp", At, Day, null);
            v.FinishTraining("tp", At, null);
            v.Certify(CertificateLevel.Junior, "N" + i, Day, "tp", At, null);
            v.Review(programme.SubsidyTable, "hr2", At, null);
            return v;
        }).ToList();
        var batch = PaymentBatch.Draft(programme, trainingClass.ProviderId, "hr2", At);
        batch.Hold(vouchers);
        return (batch, vouchers);
    }

    [Fact]
    public void A_batch_totals_its_vouchers_and_pays_each_once_however_often_it_is_paid()
    {
        var (batch, vouchers) = Drafted(3);
        Assert.Equal((3, 3000L), (batch.Count, batch.Total));
        Assert.Equal("second_person_required", Assert.Throws<ConflictException>(() => batch.Approve("hr2", At)).Code);
        Assert.Equal("batch_not_approved", Assert.Throws<ConflictException>(() => batch.Pay(vouchers, "T1", "hr3", At)).Code);
        batch.Approve("hr3", At);
        Assert.True(batch.Pay(vouchers, "T1", "hr3", At));
        Assert.All(vouchers, v => Assert.Equal(VoucherState.Paid, v.State));
        Assert.False(batch.Pay(vouchers, "T2", "hr3", At));
        Assert.Equal("T1", batch.TransferReference);
        Assert.All(vouchers, v => Assert.Single(v.Steps, s => s.Action == VoucherAction.Pay));
    }

    [Fact]
    public void A_failed_transfer_is_paid_again_once_and_a_voucher_stands_on_one_batch()
    {
        var (batch, vouchers) = Drafted(2);
        batch.Approve("hr3", At);
        batch.Fail("账户信息有误");
        Assert.Equal(BatchState.Failed, batch.State);
        Assert.All(vouchers, v => Assert.Equal(VoucherState.Reviewed, v.State));
        Assert.True(batch.Pay(vouchers, "T9", "hr3", At));
        Assert.Equal(2, batch.Attempts);
        var other = PaymentBatch.Draft(VoucherTests.Programme(), batch.ProviderId, "hr2", At);
        Assert.Equal("voucher_not_reviewed", Assert.Throws<ConflictException>(() => other.Hold(vouchers)).Code);
    }

    [Fact]
    public void A_batch_that_changed_under_its_payer_pays_nothing()
    {
        var (batch, vouchers) = Drafted(2);
        batch.Approve("hr3", At);
        Assert.Equal("batch_changed", Assert.Throws<ConflictException>(() => batch.Pay(vouchers.Take(1).ToList(), "T1", "hr3", At)).Code);
        Assert.All(vouchers, v => Assert.Equal(VoucherState.Reviewed, v.State));
    }
}
