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
