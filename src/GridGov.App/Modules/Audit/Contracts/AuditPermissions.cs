using GridGov.Kernel.Security;

namespace GridGov.Modules.Audit.Contracts;

public static class AuditPermissions
{
    public static readonly Permission View = new("AuditView");
    /// <summary>Verify the hash chain of the audit records.</summary>
    public static readonly Permission Verify = new("AuditVerify");
}
