using GridGov.Kernel.Security;

namespace GridGov.Modules.Training.Contracts;

public static class TrainingPermissions
{
    /// <summary>See programmes, vouchers, providers, classes, payments and outcomes within the view scope.</summary>
    public static readonly Permission View = new("TrainingView");
    /// <summary>Define programmes and their rules, approve providers, issue and cancel vouchers.</summary>
    public static readonly Permission Manage = new("TrainingManage");
    /// <summary>Review certificates and pay subsidies: always a second person.</summary>
    public static readonly Permission Review = new("TrainingReview");
    /// <summary>Work for a provider: classes, enrolment with a voucher, attendance, certificates.</summary>
    public static readonly Permission Provide = new("TrainingProvide");

    /// <summary>
    /// The account whose view is its provider's, not the area's: a provider's staff, who see only
    /// their own provider's classes, trainees and vouchers. Null for everyone else.
    /// </summary>
    public static string? ProviderScopeOf(CurrentUser user) => user.Has(Provide) && !user.Has(View) ? user.UserName : null;
}
