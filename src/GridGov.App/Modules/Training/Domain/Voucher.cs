using System.Security.Cryptography;
using GridGov.Kernel.Auditing;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Scoping;
using GridGov.Kernel.Workflow;

namespace GridGov.Modules.Training.Domain;

public enum VoucherState
{
    Issued = 1,
    Claimed = 2,
    /// <summary>Verified at enrolment by a provider: bound to one class.</summary>
    Enrolled = 3,
    Trained = 4,
    Certified = 5,
    /// <summary>A second person checked the certificate and fixed the subsidy.</summary>
    Reviewed = 6,
    Paid = 7,
    /// <summary>Trained without a certificate: no subsidy.</summary>
    NotCertified = 8,
    Expired = 9,
    Cancelled = 10,
}

public enum VoucherAction
{
    Issue = 1,
    Claim = 2,
    Enrol = 3,
    FinishTraining = 4,
    Certify = 5,
    RecordNoCertificate = 6,
    Review = 7,
    Return = 8,
    Pay = 9,
    Expire = 10,
    Cancel = 11,
}

public enum VoucherActor
{
    Bureau = 1,
    Provider = 2,
    Trainee = 3,
    /// <summary>The expiry sweep: takes its rows, is never offered them.</summary>
    System = 4,
}

/// <summary>
/// An electronic training voucher (电子培训券) for one person under one programme. It moves only by
/// rows of its table, each step kept as an append-only <see cref="VoucherStep"/> numbered in order,
/// so two steps taken at once on the same voucher meet at the step number and one of them loses.
/// Its state, balance and expiry are what those steps made of it.
/// </summary>
public sealed class Voucher : WorkflowSubject<VoucherState, VoucherAction, VoucherActor>, IScopedByPath, IAudited
{
    public const int CodeLength = 12;
    public const int MaxNote = 200;
    private const string CodeAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static readonly WorkflowTable<VoucherState, VoucherAction, VoucherActor> Table = new(Rows(),
        (from, action, allowed) => new ConflictException("step_not_allowed")
        {
            Extensions = new Dictionary<string, object?> { ["state"] = from.ToString(), ["allowed"] = allowed.Select(a => a.ToString()).ToArray() },
        }, VoucherActor.System);

    private static IEnumerable<Transition<VoucherState, VoucherAction, VoucherActor>> Rows()
    {
        const VoucherActor b = VoucherActor.Bureau, p = VoucherActor.Provider, t = VoucherActor.Trainee, s = VoucherActor.System;
        var reason = new StepRules(NoteField: "reason");
        yield return new(VoucherState.Issued, VoucherAction.Claim, t, VoucherState.Claimed);
        yield return new(VoucherState.Claimed, VoucherAction.Enrol, p, VoucherState.Enrolled);
        yield return new(VoucherState.Enrolled, VoucherAction.FinishTraining, p, VoucherState.Trained);
        yield return new(VoucherState.Trained, VoucherAction.Certify, p, VoucherState.Certified);
        yield return new(VoucherState.Trained, VoucherAction.RecordNoCertificate, p, VoucherState.NotCertified, reason);
        yield return new(VoucherState.Certified, VoucherAction.Review, b, VoucherState.Reviewed, new StepRules(SecondPerson: true));
        yield return new(VoucherState.Certified, VoucherAction.Return, b, VoucherState.Trained, reason);
        yield return new(VoucherState.Reviewed, VoucherAction.Pay, b, VoucherState.Paid);
        foreach (var unused in new[] { VoucherState.Issued, VoucherState.Claimed })
            yield return new(unused, VoucherAction.Expire, s, VoucherState.Expired);
        foreach (var open in new[] { VoucherState.Issued, VoucherState.Claimed, VoucherState.Enrolled })
            yield return new(open, VoucherAction.Cancel, b, VoucherState.Cancelled, reason);
    }

    private readonly List<VoucherStep> _steps = [];

    private Voucher() { }

    public long Id { get; private set; }
    /// <summary>What the trainee shows and the provider scans: random, so no code can be guessed from another.</summary>
    public string Code { get; private set; } = "";
    public int ProgrammeId { get; private set; }
    public int PersonId { get; private set; }
    public string PersonName { get; private set; } = "";
    public string Path { get; private set; } = "";
    public int FaceValue { get; private set; }
    public int ExpiryDays { get; private set; }
    public string IssuedBy { get; private set; } = "";
    public DateTime IssuedAt { get; private set; }
    public DateOnly IssuedOn { get; private set; }
    public DateTime? ClaimedAt { get; private set; }
    /// <summary>The last day it may still be claimed (issued) or used (claimed); none once it is used or ended.</summary>
    public DateOnly? UsableUntil { get; private set; }
    public int? ProviderId { get; private set; }
    public int? ClassId { get; private set; }
    public string? EnrolledBy { get; private set; }
    public DateTime? EnrolledAt { get; private set; }
    public CertificateLevel? Level { get; private set; }
    public string? CertificateNumber { get; private set; }
    public DateOnly? CertifiedOn { get; private set; }
    public string? CertifiedBy { get; private set; }
    public int? Subsidy { get; private set; }
    public string? ReviewedBy { get; private set; }
    public int? BatchId { get; private set; }
    public DateTime? PaidAt { get; private set; }
    public string? EndReason { get; private set; }
    /// <summary>The programme while the voucher is open, none once it ended: one open voucher per person and programme, held by a unique index.</summary>
    public int? OpenIn { get; private set; }
    public string? StepBy { get; private set; }
    public DateTime? StepAt { get; private set; }
    /// <summary>How many steps the voucher has: the next step's number. Two steps taken at once both claim the same number, and one of them fails.</summary>
    public int StepsTaken { get; private set; }

    public IReadOnlyList<VoucherStep> Steps => _steps;

    protected override WorkflowTable<VoucherState, VoucherAction, VoucherActor> Workflow => Table;

    protected override string? LastStepBy => StepBy;

    private string? _clientKey;
    private string? _detail;

    protected override void RecordStep(DateTime at, string by, VoucherAction action, VoucherState from, VoucherState to, string? note, string? attachments)
    {
        (StepBy, StepAt) = (by, at);
        if (IsEnded(to)) OpenIn = null;
        _steps.Add(VoucherStep.Of(this, StepsTaken++, action, from, to, by, at, note, _clientKey, _detail));
        (_clientKey, _detail) = (null, null);
    }

    public static bool IsEnded(VoucherState state) =>
        state is VoucherState.Paid or VoucherState.NotCertified or VoucherState.Expired or VoucherState.Cancelled;

    public static Voucher Issue(VoucherProgramme programme, int personId, string personName, string path, string by, DateTime at, DateOnly on,
        string? clientKey = null)
    {
        var voucher = new Voucher
        {
            Code = NewCode(), ProgrammeId = programme.Id, PersonId = personId, PersonName = personName.Trim(), Path = path,
            FaceValue = programme.FaceValue, ExpiryDays = programme.ExpiryDays, IssuedBy = by, IssuedAt = at, IssuedOn = on,
            UsableUntil = on.AddDays(programme.ExpiryDays), OpenIn = programme.Id, State = VoucherState.Issued,
            StepBy = by, StepAt = at, StepsTaken = 1,
        };
        voucher._steps.Add(VoucherStep.Of(voucher, 0, VoucherAction.Issue, VoucherState.Issued, VoucherState.Issued, by, at, null, clientKey, null));
        return voucher;
    }

    /// <summary>Ids drawn for a bulk load: the voucher's, and its issue step's.</summary>
    public Voucher WithId(long id, long? issueStepId = null)
    {
        Id = id;
        foreach (var step in _steps) step.Belong(id, step.Sequence == 0 ? issueStepId : null);
        return this;
    }

    /// <summary>12 characters of Crockford's base-32 alphabet: 60 random bits.</summary>
    public static string NewCode() => RandomNumberGenerator.GetString(CodeAlphabet, CodeLength);

    /// <summary>A code as typed or scanned (the claim link its QR code holds): spaces, dashes and case forgiven, letters read as the digits they resemble.</summary>
    public static string? NormaliseCode(string? typed)
    {
        if (typed is null) return null;
        if (typed.LastIndexOf("code=", StringComparison.OrdinalIgnoreCase) is >= 0 and var at) typed = Uri.UnescapeDataString(typed[(at + 5)..]);
        var code = new string(typed.ToUpperInvariant().Where(c => c is not (' ' or '-')).Select(c => c switch { 'O' => '0', 'I' or 'L' => '1', _ => c }).ToArray());
        return code.Length == CodeLength && code.All(CodeAlphabet.Contains) ? code : null;
    }

    /// <summary>The code as shown to people, in three groups of four.</summary>
    public static string Show(string code) => code.Length == CodeLength ? $"{code[..4]}-{code[4..8]}-{code[8..]}" : code;

    /// <summary>Unclaimed or unused past its day: expired as read, whether or not the sweep has recorded it yet.</summary>
    public bool IsLapsedOn(DateOnly today) => State is VoucherState.Issued or VoucherState.Claimed && UsableUntil < today;

    public VoucherState StateOn(DateOnly today) => IsLapsedOn(today) ? VoucherState.Expired : State;

    /// <summary>What the voucher is still worth: its face value until reviewed, the fixed subsidy until paid, nothing once ended.</summary>
    public int BalanceOn(DateOnly today) => StateOn(today) switch
    {
        VoucherState.Reviewed => Subsidy ?? 0,
        var s when IsEnded(s) => 0,
        _ => FaceValue,
    };

    public IReadOnlyList<VoucherAction> Allowed(IEnumerable<VoucherActor> actors) => Table.Allowed(State, actors);

    public void Claim(string by, DateTime at, DateOnly on, string? clientKey)
    {
        RefuseLapsed(on);
        _clientKey = clientKey;
        Move(VoucherAction.Claim, [VoucherActor.Trainee], by, at, null, () => (ClaimedAt, UsableUntil) = (at, on.AddDays(ExpiryDays)));
    }

    /// <summary>Verified at enrolment: the voucher binds to one class of one provider, for good.</summary>
    public void Enrol(TrainingClass trainingClass, string by, DateTime at, DateOnly on, string? clientKey)
    {
        RefuseLapsed(on);
        trainingClass.CheckOpenForEnrolment(on);
        _clientKey = clientKey;
        _detail = $"class:{trainingClass.Id}";
        Move(VoucherAction.Enrol, [VoucherActor.Provider], by, at, null,
            () => (ProviderId, ClassId, EnrolledBy, EnrolledAt, UsableUntil) = (trainingClass.ProviderId, trainingClass.Id, by, at, null));
    }

    public void FinishTraining(string by, DateTime at, string? clientKey)
    {
        _clientKey = clientKey;
        Move(VoucherAction.FinishTraining, [VoucherActor.Provider], by, at, null, null);
    }

    public void Certify(CertificateLevel level, string number, DateOnly on, string by, DateTime at, string? clientKey)
    {
        new Validator().Check(Enum.IsDefined(level), "level", "unknown").Require("certificateNumber", number, 40)
            .Check(on <= Kernel.Time.ChinaTime.DateOf(at), "certifiedOn", "in_future").ThrowIfInvalid();
        (_clientKey, _detail) = (clientKey, $"level:{level};number:{number.Trim()}");
        Move(VoucherAction.Certify, [VoucherActor.Provider], by, at, null,
            () => (Level, CertificateNumber, CertifiedOn, CertifiedBy) = (level, number.Trim(), on, by));
    }

    public void RecordNoCertificate(string reason, string by, DateTime at, string? clientKey)
    {
        CheckReason(reason);
        _clientKey = clientKey;
        Move(VoucherAction.RecordNoCertificate, [VoucherActor.Provider], by, at, reason.Trim(), () => EndReason = reason.Trim());
    }

    /// <summary>
    /// A second person checks the certificate: never the one who issued, enrolled or certified the
    /// voucher. The subsidy is what the level earns under the programme, never above the face value.
    /// </summary>
    public void Review(SubsidyTable subsidies, string by, DateTime at, string? clientKey)
    {
        if (by == IssuedBy || by == EnrolledBy || by == CertifiedBy) throw new ConflictException("second_person_required");
        _clientKey = clientKey;
        var earned = Math.Min(FaceValue, Level is { } level ? subsidies.For(level) : 0);
        _detail = $"subsidy:{earned}";
        Move(VoucherAction.Review, [VoucherActor.Bureau], by, at, null, () => (Subsidy, ReviewedBy) = (earned, by));
    }

    /// <summary>Sent back to the provider to correct the certificate.</summary>
    public void Return(string reason, string by, DateTime at, string? clientKey)
    {
        CheckReason(reason);
        _clientKey = clientKey;
        Move(VoucherAction.Return, [VoucherActor.Bureau], by, at, reason.Trim(),
            () => (Level, CertificateNumber, CertifiedOn, CertifiedBy) = (null, null, null, null));
    }

    public void Pay(PaymentBatch batch, string by, DateTime at)
    {
        if (BatchId != batch.Id) throw new ConflictException("voucher_not_in_batch");
        _detail = $"batch:{batch.Reference}";
        Move(VoucherAction.Pay, [VoucherActor.Bureau], by, at, null, () => PaidAt = at);
    }

    /// <summary>Put on a payment batch; a voucher is on one batch at the most, and only once reviewed.</summary>
    public void PutOn(PaymentBatch batch)
    {
        if (State != VoucherState.Reviewed) throw new ConflictException("voucher_not_reviewed");
        if (BatchId is not null && BatchId != batch.Id) throw new ConflictException("voucher_in_other_batch");
        if (ProviderId != batch.ProviderId || ProgrammeId != batch.ProgrammeId) throw new ConflictException("voucher_not_for_batch");
        BatchId = batch.Id;
    }

    public void TakeOff(PaymentBatch batch)
    {
        if (BatchId == batch.Id && State == VoucherState.Reviewed) BatchId = null;
    }

    public void Expire(DateTime at) => Move(VoucherAction.Expire, [VoucherActor.System], "system", at, null, () => UsableUntil = null);

    public void Cancel(string reason, string by, DateTime at, string? clientKey)
    {
        CheckReason(reason);
        _clientKey = clientKey;
        Move(VoucherAction.Cancel, [VoucherActor.Bureau], by, at, reason.Trim(), () => (EndReason, UsableUntil) = (reason.Trim(), null));
    }

    private void RefuseLapsed(DateOnly on)
    {
        if (IsLapsedOn(on)) throw new ConflictException("voucher_expired");
    }

    private static void CheckReason(string? reason) => new Validator().Require("reason", reason, MaxNote).ThrowIfInvalid();
}

/// <summary>One step of a voucher, never changed: who, when, from what to what, with the client's key and what the step fixed.</summary>
public sealed class VoucherStep
{
    private VoucherStep() { }

    public long Id { get; private set; }
    public long VoucherId { get; private set; }
    /// <summary>0 for the issue, then one up per step (<see cref="Voucher.StepsTaken"/>): unique per voucher, so of two steps taken at once one is saved.</summary>
    public int Sequence { get; private set; }
    public VoucherAction Action { get; private set; }
    public VoucherState From { get; private set; }
    public VoucherState To { get; private set; }
    public string By { get; private set; } = "";
    public DateTime At { get; private set; }
    public string? Note { get; private set; }
    public string? ClientKey { get; private set; }
    /// <summary>What the step fixed (class, level and number, subsidy, batch), as "name:value" pairs.</summary>
    public string? Detail { get; private set; }

    internal void Belong(long voucherId, long? id)
    {
        VoucherId = voucherId;
        if (id is { } given) Id = given;
    }

    internal static VoucherStep Of(Voucher voucher, int sequence, VoucherAction action, VoucherState from, VoucherState to, string by, DateTime at,
        string? note, string? clientKey, string? detail) =>
        new()
        {
            VoucherId = voucher.Id, Sequence = sequence, Action = action, From = from, To = to, By = by, At = at, Note = note,
            ClientKey = clientKey, Detail = detail,
        };
}
