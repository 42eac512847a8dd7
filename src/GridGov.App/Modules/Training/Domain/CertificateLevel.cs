namespace GridGov.Modules.Training.Domain;

/// <summary>
/// What a trainee's certificate attests: a completion or special-ability certificate, or one of the
/// five vocational skill levels (五级/初级工 up to 一级/高级技师). A voucher's subsidy follows it.
/// </summary>
public enum CertificateLevel
{
    /// <summary>培训合格证、专项职业能力证书: trained, no vocational level.</summary>
    Completion = 1,
    /// <summary>五级/初级工.</summary>
    Junior = 2,
    /// <summary>四级/中级工.</summary>
    Intermediate = 3,
    /// <summary>三级/高级工: the first high-skilled level.</summary>
    Senior = 4,
    /// <summary>二级/技师.</summary>
    Technician = 5,
    /// <summary>一级/高级技师.</summary>
    SeniorTechnician = 6,
}

public static class CertificateLevels
{
    /// <summary>A vocational level of any grade makes a "new skilled talent" (新增技能人才).</summary>
    public static bool IsSkilled(this CertificateLevel level) => level >= CertificateLevel.Junior;

    /// <summary>高级工 and above make a "new high-skilled talent" (新增高技能人才).</summary>
    public static bool IsHighSkilled(this CertificateLevel level) => level >= CertificateLevel.Senior;
}
