namespace GridGov.Kernel.Scoping;

/// <summary>
/// Data that lives somewhere on the territory tree. <see cref="Path"/> is the ancestor path of the
/// node it belongs to; the DbContext filters every query of these types by the user's view scope
/// and refuses to save any of them outside the capture scope.
/// </summary>
public interface IScopedByPath
{
    string Path { get; }
}

/// <summary>
/// A record a user files with a level above their own, such as a registration sent to the
/// reviewer who sees both records: filing it is not a change in that place, so the capture-scope
/// guard lets it be added; deciding it is, and needs that level's capture scope.
/// </summary>
public interface IFiledUpward : IScopedByPath;

/// <summary>
/// A record about a whole area that those working below it see too, such as a community's campaign
/// seen by the workers of its grids: the view filter lets through the area's own scope and every
/// scope under it. Changing it still needs the area's capture scope.
/// </summary>
public interface ISeenFromBelow : IScopedByPath;
