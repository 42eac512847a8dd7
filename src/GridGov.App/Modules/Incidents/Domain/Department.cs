using GridGov.Kernel.Auditing;
using GridGov.Kernel.Errors;

namespace GridGov.Modules.Incidents.Domain;

/// <summary>A department incidents are dispatched to (应急局, 住建局…), known by a short code.</summary>
public sealed class Department : IAudited
{
    private Department() { }

    public int Id { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string EnglishName { get; private set; } = "";
    public bool IsActive { get; private set; } = true;

    public static Department Create(string code, string name, string englishName)
    {
        new Validator().Require("code", code, 20).Require("name", name, 50).Require("englishName", englishName, 100).ThrowIfInvalid();
        return new Department { Code = code.Trim().ToUpperInvariant(), Name = name.Trim(), EnglishName = englishName.Trim() };
    }
}

public enum CategoryKind { General, Dispute, Petition }

/// <summary>A two-level category of incident: a group (work safety) and its items (gas pipelines).</summary>
public sealed class IncidentCategory : IAudited
{
    private IncidentCategory() { }

    public int Id { get; private set; }
    public string Code { get; private set; } = "";
    public string? ParentCode { get; private set; }
    public string Name { get; private set; } = "";
    public string EnglishName { get; private set; } = "";
    public CategoryKind Kind { get; private set; }
    public int SortOrder { get; private set; }
    public bool IsActive { get; private set; } = true;

    public static IncidentCategory Create(string code, string? parentCode, string name, string englishName, CategoryKind kind, int sortOrder)
    {
        new Validator().Require("code", code, 20).Require("name", name, 50).Require("englishName", englishName, 100).ThrowIfInvalid();
        return new IncidentCategory
        {
            Code = code.Trim().ToUpperInvariant(), ParentCode = parentCode, Name = name.Trim(), EnglishName = englishName.Trim(),
            Kind = kind, SortOrder = sortOrder,
        };
    }

    public void Change(string name, string englishName, bool isActive)
    {
        new Validator().Require("name", name, 50).Require("englishName", englishName, 100).ThrowIfInvalid();
        (Name, EnglishName, IsActive) = (name.Trim(), englishName.Trim(), isActive);
    }
}
