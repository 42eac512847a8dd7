using GridGov.Kernel.Auditing;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Scoping;

namespace GridGov.Modules.Training.Domain;

public enum BatchState
{
    Drafted = 1,
    /// <summary>A second person approved it: ready to transfer.</summary>
    Approved = 2,
    Paid = 3,
    /// <summary>The transfer failed: paying it again pays each voucher once.</summary>
    Failed = 4,
    Withdrawn = 5,
}

/// <summary>
/// The subsidy owed to one provider under one programme for the vouchers reviewed, paid in one
/// transfer. Its reference is its own; a voucher stands on one batch at the most; a second person
/// approves it; paying a batch already paid answers what the first payment did and pays nothing.
/// </summary>
public sealed class PaymentBatch : IScopedByPath, IAudited
{
    private PaymentBatch() { }

    public int Id { get; private set; }
    public string Reference { get; private set; } = "";
    public int ProgrammeId { get; private set; }
    public int ProviderId { get; private set; }
    public string Path { get; private set; } = "";
    public BatchState State { get; private set; } = BatchState.Drafted;
    public int Count { get; private set; }
    public long Total { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public string? ApprovedBy { get; private set; }
    public DateTime? ApprovedAt { get; private set; }
    public string? PaidBy { get; private set; }
    public DateTime? PaidAt { get; private set; }
    /// <summary>The treasury's reference for the transfer.</summary>
    public string? TransferReference { get; private set; }
    public string? FailReason { get; private set; }
    public int Attempts { get; private set; }
    public int Version { get; private set; }

    public static PaymentBatch Draft(VoucherProgramme programme, int providerId, string by, DateTime at) =>
        new() { ProgrammeId = programme.Id, ProviderId = providerId, Path = programme.Path, CreatedBy = by, CreatedAt = at };

    /// <summary>Its reference, once it has an id: PB, the day it was drafted and its number.</summary>
    public void Number() => Reference = $"PB{Kernel.Time.ChinaTime.DateOf(CreatedAt):yyyyMMdd}{Id:D6}";

    public void Hold(IReadOnlyCollection<Voucher> vouchers)
    {
        if (State != BatchState.Drafted) throw new ConflictException("batch_not_draft");
        if (vouchers.Count == 0) throw new ValidationException("vouchers", "required");
        foreach (var voucher in vouchers) voucher.PutOn(this);
        (Count, Total) = (vouchers.Count, vouchers.Sum(v => (long)(v.Subsidy ?? 0)));
    }

    public void Approve(string by, DateTime at)
    {
        if (State != BatchState.Drafted) throw new ConflictException("batch_not_draft");
        if (by == CreatedBy) throw new ConflictException("second_person_required");
        (State, ApprovedBy, ApprovedAt) = (BatchState.Approved, by, at);
    }

    /// <summary>Pays every voucher on the batch once; false when the batch was paid already (nothing more is paid).</summary>
    public bool Pay(IReadOnlyCollection<Voucher> vouchers, string transferReference, string by, DateTime at)
    {
        if (State == BatchState.Paid) return false;
        if (State is not (BatchState.Approved or BatchState.Failed)) throw new ConflictException("batch_not_approved");
        new Validator().Require("transferReference", transferReference, 40).ThrowIfInvalid();
        if (vouchers.Count != Count || vouchers.Any(v => v.BatchId != Id)) throw new ConflictException("batch_changed");
        foreach (var voucher in vouchers.Where(v => v.State != VoucherState.Paid)) voucher.Pay(this, by, at);
        (State, PaidBy, PaidAt, TransferReference, FailReason, Attempts) = (BatchState.Paid, by, at, transferReference.Trim(), null, Attempts + 1);
        return true;
    }

    public void Fail(string reason)
    {
        if (State != BatchState.Approved) throw new ConflictException("batch_not_approved");
        new Validator().Require("reason", reason, Voucher.MaxNote).ThrowIfInvalid();
        (State, FailReason, Attempts) = (BatchState.Failed, reason.Trim(), Attempts + 1);
    }

    public void Withdraw(IReadOnlyCollection<Voucher> vouchers)
    {
        if (State is not (BatchState.Drafted or BatchState.Approved)) throw new ConflictException("batch_not_draft");
        foreach (var voucher in vouchers) voucher.TakeOff(this);
        State = BatchState.Withdrawn;
    }
}
