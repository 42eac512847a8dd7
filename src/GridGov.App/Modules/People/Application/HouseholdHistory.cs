using GridGov.Modules.People.Contracts;
using System.Text.Json;
using GridGov.Data;
using GridGov.Kernel.Auditing;
using GridGov.Kernel.Errors;
using GridGov.Kernel.Privacy;
using GridGov.Kernel.Security;
using GridGov.Modules.People.Domain;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Modules.People.Application;

public sealed record MemberAsOf(int Id, string Name, Masked MaskedIdNumber, Masked MaskedPhone, string RelationToHead);

public sealed record HouseholdAsOf(int HouseholdId, DateTime At, IReadOnlyList<MemberAsOf> Members);

/// <summary>
/// A household as it stood at a past moment, rebuilt from the change log: start from today's rows
/// and undo, newest first, every change made after that moment. People added later are left out;
/// people who moved away or were deregistered since are put back.
/// </summary>
public sealed class HouseholdHistory(GridGovDbContext db, CurrentUser user)
{
    public async Task<HouseholdAsOf> AsOfAsync(int householdId, DateTime at, CancellationToken ct)
    {
        user.Require(PeoplePermissions.View);
        if (!await db.Set<Household>().AnyAsync(h => h.Id == householdId, ct)) throw new NotFoundException("household_not_found", householdId);
        var marker1 = $"\"HouseholdId\":{householdId},";
        var marker2 = $"\"HouseholdId\":{householdId}}}";
        var formerIds = await db.Set<ChangeRecord>().AsNoTracking()
            .Where(c => c.EntityType == nameof(Person) && c.At > at
                && (c.Before!.Contains(marker1) || c.Before!.Contains(marker2) || c.After!.Contains(marker1) || c.After!.Contains(marker2)))
            .Select(c => c.EntityId).Distinct().ToListAsync(ct);
        var ids = formerIds.Select(int.Parse).ToList();
        var candidates = await db.Set<Person>().AsNoTracking().Where(p => p.HouseholdId == householdId || ids.Contains(p.Id)).ToListAsync(ct);
        var keys = candidates.Select(p => p.Id.ToString()).ToList();
        var later = (await db.Set<ChangeRecord>().AsNoTracking()
                .Where(c => c.EntityType == nameof(Person) && c.At > at && keys.Contains(c.EntityId))
                .OrderByDescending(c => c.Id).ToListAsync(ct))
            .GroupBy(c => c.EntityId).ToDictionary(g => g.Key, g => g.ToList());

        var members = new List<MemberAsOf>();
        foreach (var p in candidates)
        {
            var state = new Dictionary<string, JsonElement>
            {
                [nameof(Person.Name)] = Json(p.Name), [nameof(Person.Phone)] = Json(p.Phone), [nameof(Person.RelationToHead)] = Json(p.RelationToHead),
                [nameof(Person.HouseholdId)] = Json(p.HouseholdId), [nameof(Person.IsActive)] = Json(p.IsActive),
            };
            var existed = true;
            foreach (var change in later.GetValueOrDefault(p.Id.ToString(), []))
            {
                if (change.Action == "Added") existed = false;
                if (change.Before is null) continue;
                foreach (var (field, value) in JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(change.Before)!) state[field] = value;
            }
            if (!existed || state[nameof(Person.HouseholdId)].GetInt32() != householdId || !state[nameof(Person.IsActive)].GetBoolean()) continue;
            members.Add(new MemberAsOf(p.Id, state[nameof(Person.Name)].GetString()!, Masked.IdNumber(p.IdNumber),
                Masked.Phone(state[nameof(Person.Phone)].ValueKind == JsonValueKind.String ? state[nameof(Person.Phone)].GetString() : null),
                state[nameof(Person.RelationToHead)].GetString()!));
        }
        return new HouseholdAsOf(householdId, at, members.OrderBy(m => m.Id).ToList());
    }

    private static JsonElement Json<T>(T value) => JsonSerializer.SerializeToElement(value);
}
