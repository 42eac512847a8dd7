using System.Globalization;
using GridGov.Modules.People.Contracts;

namespace GridGov.Modules.People.Application;

internal sealed class TagDirectory(PersonTags tags) : ITagDirectory
{
    public async Task<IReadOnlyList<TagRef>> CatalogueAsync(CancellationToken ct)
    {
        var english = CultureInfo.CurrentUICulture.Name.StartsWith("en");
        return (await tags.CatalogueAsync(ct)).Select(t => new TagRef(t.Code, english ? t.EnglishName : t.Name)).ToList();
    }
}
