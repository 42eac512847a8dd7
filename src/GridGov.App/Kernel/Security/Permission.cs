namespace GridGov.Kernel.Security;

public enum Permission
{
    TerritoryView,
    TerritoryManage,
    CoverageView,
    PeopleView,
    /// <summary>Register, edit, move and deregister people; decide duplicate reviews.</summary>
    PeopleManage,
    /// <summary>See a full ID number or phone, each time recorded.</summary>
    PeopleReveal,
    /// <summary>See and attach tags marked sensitive (special populations).</summary>
    SensitiveTags,
    /// <summary>Define tags in the catalogue.</summary>
    TagCatalogue,
    UsersView,
    UsersManage,
    AuditView,
    SystemSettings,
}
