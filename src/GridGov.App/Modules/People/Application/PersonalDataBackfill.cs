using GridGov.Kernel.Scoping;
using GridGov.Data;
using GridGov.Modules.People.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace GridGov.Modules.People.Application;

/// <summary>
/// People stored before their ID numbers and phones were encrypted (their blind indexes empty):
/// indexed and written again, encrypted, in batches at start-up. A database that has none costs one
/// indexed look-up.
/// </summary>
public static class PersonalDataBackfill
{
    private const int Batch = 2000;

    public static async Task<int> RunAsync(GridGovDbContext db, ILogger log, CancellationToken ct)
    {
        var done = 0;
        while (true)
        {
            var people = await db.Set<Person>().OutsideScope("start-up work re-indexes every record").Where(p => p.IdNumberIndex == "").OrderBy(p => p.Id).Take(Batch).ToListAsync(ct);
            if (people.Count == 0) break;
            foreach (var person in people)
            {
                person.Reindex();
                db.Entry(person).Property(p => p.IdNumber).IsModified = true;
                db.Entry(person).Property(p => p.Phone).IsModified = true;
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            done += people.Count;
        }
        if (done > 0) log.LogInformation("Encrypted the ID numbers and phones of {People} people stored before encryption", done);
        return done;
    }
}
