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

    /// <summary>
    /// Who reads training's figures: the bureau, and the leaders and staff who read the cockpit and
    /// the targets board. Whoever may read a figure may open the vouchers and trainees it counts,
    /// within their view, read only.
    /// </summary>
    public static bool ReadsFigures(CurrentUser user) => user.Has(View) || user.Has(Cockpit.Contracts.CockpitPermissions.View);

    /// <summary>The lists a figure opens: those who read the figures, and a provider's staff (their own provider's).</summary>
    public static void RequireCountedReader(CurrentUser user)
    {
        if (!ReadsFigures(user)) user.Require(Provide);
    }
}
