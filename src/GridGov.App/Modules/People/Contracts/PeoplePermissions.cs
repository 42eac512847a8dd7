using GridGov.Kernel.Security;

namespace GridGov.Modules.People.Contracts;

public static class PeoplePermissions
{
    public static readonly Permission View = new("PeopleView");
    /// <summary>Register, edit, move and deregister people; decide duplicate reviews.</summary>
    public static readonly Permission Manage = new("PeopleManage");
    /// <summary>See a full ID number or phone, each time recorded.</summary>
    public static readonly Permission Reveal = new("PeopleReveal");
    /// <summary>See and attach tags marked sensitive (special populations).</summary>
    public static readonly Permission SensitiveTags = new("SensitiveTags");
}
