using GridGov.Kernel.Auditing;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Scoping;

namespace GridGov.Modules.People.Domain;

/// <summary>
/// A category programmes select people by (返乡人员, 居家健康监测, 低保, 退役军人 …). The catalogue
/// is data: a county adds its own. A derived tag is computed, never attached by hand (elderly: age
/// 60 and over); a sensitive tag is seen only by roles entitled to special populations; a tag with
/// a validity period is attached from a date, and usually to a date.
/// </summary>
public sealed class TagDefinition : IAudited
{
    public const string Elderly = "elderly";
    public const int ElderlyAge = 60;

    private TagDefinition() { }

    public int Id { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string EnglishName { get; private set; } = "";
    public bool IsSensitive { get; private set; }
    public bool HasValidity { get; private set; }
    public bool IsDerived { get; private set; }

    /// <summary>Tags a programme keeps from its own records (home watch from the active watches): never attached or ended by hand.</summary>
    public static readonly IReadOnlySet<string> KeptByProgrammes = new HashSet<string> { "home_watch" };

    public bool IsKeptByProgramme => KeptByProgrammes.Contains(Code);

    public static TagDefinition Define(string code, string name, string englishName, bool sensitive = false, bool validity = false, bool derived = false)
    {
        new Validator()
            .Require("code", code, 40).Check(code.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'), "code", "bad_code")
            .Require("name", name, 40).Require("englishName", englishName, 60)
            .ThrowIfInvalid();
        return new TagDefinition { Code = code, Name = name.Trim(), EnglishName = englishName.Trim(), IsSensitive = sensitive, HasValidity = validity, IsDerived = derived };
    }

    public TagDefinition WithId(int id)
    {
        Id = id;
        return this;
    }
}

/// <summary>A tag on a person, valid from a date and, when the tag has a validity period, to a date.</summary>
public sealed class PersonTag : IScopedByPath, IAudited
{
    private PersonTag() { }

    public int Id { get; private set; }
    public int PersonId { get; private set; }
    public int TagId { get; private set; }
    /// <summary>The person's path, so tags are filtered and counted under scope without a join.</summary>
    [Derived] public string Path { get; private set; } = "";
    public DateOnly ValidFrom { get; private set; }
    public DateOnly? ValidTo { get; private set; }

    public static PersonTag Attach(Person person, TagDefinition tag, DateOnly from, DateOnly? to, bool alreadyActive, bool byProgramme = false)
    {
        if (tag.IsDerived) throw new ConflictException("tag_derived");
        if (tag.IsKeptByProgramme != byProgramme) throw new ConflictException(byProgramme ? "tag_not_kept_by_programme" : "tag_kept_by_programme");
        if (!person.IsActive) throw new ConflictException("person_inactive");
        if (alreadyActive) throw new ConflictException("tag_already_active");
        new Validator()
            .Check(!tag.HasValidity || to is not null, "validTo", "required")
            .Check(to is null || to >= from, "validTo", "before_start")
            .ThrowIfInvalid();
        return new PersonTag { PersonId = person.Id, TagId = tag.Id, Path = person.Path, ValidFrom = from, ValidTo = to };
    }

    public PersonTag WithId(int id)
    {
        Id = id;
        return this;
    }

    public bool IsActiveOn(DateOnly day) => ValidFrom <= day && (ValidTo is null || ValidTo >= day);

    /// <summary>Moves the last day of a programme's tag (a watch extended or ended early); a day before its start means it never ran.</summary>
    public void Reschedule(DateOnly to) => ValidTo = to < ValidFrom ? ValidFrom.AddDays(-1) : to;

    /// <summary>Ends the tag (home watch released, no longer low-income…); the record stays.</summary>
    public void End(DateOnly on)
    {
        if (ValidTo is not null && ValidTo < on) throw new ConflictException("tag_ended");
        ValidTo = on < ValidFrom ? ValidFrom : on;
    }
}
