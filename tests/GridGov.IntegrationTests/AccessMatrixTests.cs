using GridGov.Modules.Accounts.Contracts;
using GridGov.Modules.Audit.Contracts;
using GridGov.Modules.People.Contracts;
using GridGov.Modules.Territory.Contracts;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using GridGov.IntegrationTests.Infrastructure;
using GridGov.Kernel.Scoping;
using GridGov.Kernel.Security;
using GridGov.Modules.People.Domain;
using GridGov.Modules.Territory.Domain;
using Microsoft.EntityFrameworkCore;

namespace GridGov.IntegrationTests;

/// <summary>
/// Every API endpoint × every role × a target in the user's own scope, a sibling's, the parent's and
/// another county's. The expected answer comes from one rule: no permission → 403; a target outside
/// the view scope → 404 to every verb (the same answer as a target that does not exist); a write to
/// a target the user sees but may not change → 403; otherwise the endpoint's own answer.
/// </summary>
public abstract class AccessMatrixTests(GridGovApp app)
{
    public enum Relation { Own, Sibling, Parent, Outside }

    public enum Kind { Grid, Node, Area, County, Household, Person, Building, None }

    public sealed record Endpoint(string Name, HttpMethod Method, Kind Kind, Permission Permission, bool Write, HttpStatusCode InScope,
        Func<Target, string> Url, Func<Target, object?>? Body = null, bool NamedInBody = false);

    public sealed record Target(string Code, string Path, string Name, string? ParentCode, int? HouseholdId, string? GridCode, int? PersonId = null,
        int? BuildingId = null, int Version = 0);

    public static readonly Endpoint[] Endpoints =
    [
        new("me", HttpMethod.Get, Kind.None, TerritoryPermissions.View, false, HttpStatusCode.OK, _ => "/api/v1/me"),
        new("users.list", HttpMethod.Get, Kind.None, AccountPermissions.UsersView, false, HttpStatusCode.OK, _ => "/api/v1/users"),
        new("users.create", HttpMethod.Post, Kind.Node, AccountPermissions.UsersManage, true, HttpStatusCode.Created, _ => "/api/v1/users",
            t => new { userName = "m" + Guid.NewGuid().ToString("N")[..14], displayName = "矩阵", roles = new[] { Roles.GridWorker }, captureScopeCode = t.Code, password = "Matrix@2026-x" }, NamedInBody: true),
        new("nodes.get", HttpMethod.Get, Kind.Node, TerritoryPermissions.View, false, HttpStatusCode.OK, t => $"/api/v1/territory/nodes/{t.Code}"),
        new("coverage", HttpMethod.Get, Kind.Area, TerritoryPermissions.CoverageView, false, HttpStatusCode.OK, t => $"/api/v1/coverage/{t.Code}"),
        new("sizeRules.get", HttpMethod.Get, Kind.County, TerritoryPermissions.View, false, HttpStatusCode.OK, t => $"/api/v1/areas/{t.Code}/size-rules"),
        new("sizeRules.put", HttpMethod.Put, Kind.County, TerritoryPermissions.Manage, true, HttpStatusCode.OK, t => $"/api/v1/areas/{t.Code}/size-rules",
            _ => Array.Empty<object>()),
        new("grid.get", HttpMethod.Get, Kind.Grid, TerritoryPermissions.View, false, HttpStatusCode.OK, t => $"/api/v1/grids/{t.Code}"),
        new("grid.households", HttpMethod.Get, Kind.Grid, PeoplePermissions.View, false, HttpStatusCode.OK, t => $"/api/v1/grids/{t.Code}/households"),
        new("grid.history", HttpMethod.Get, Kind.Grid, TerritoryPermissions.View, false, HttpStatusCode.OK, t => $"/api/v1/grids/{t.Code}/history"),
        new("grid.staff", HttpMethod.Get, Kind.Grid, TerritoryPermissions.View, false, HttpStatusCode.OK, t => $"/api/v1/grids/{t.Code}/staff"),
        new("grid.party", HttpMethod.Get, Kind.Grid, TerritoryPermissions.View, false, HttpStatusCode.OK, t => $"/api/v1/grids/{t.Code}/party"),
        new("grid.create", HttpMethod.Post, Kind.Grid, TerritoryPermissions.Manage, true, HttpStatusCode.Conflict, _ => "/api/v1/grids",
            t => new { parentCode = t.Code, name = "四级" }),
        new("grid.rename", HttpMethod.Patch, Kind.Grid, TerritoryPermissions.Manage, true, HttpStatusCode.OK, t => $"/api/v1/grids/{t.Code}",
            t => new { name = t.Name, version = t.Version }),
        new("grid.move", HttpMethod.Post, Kind.Grid, TerritoryPermissions.Manage, true, HttpStatusCode.OK, t => $"/api/v1/grids/{t.Code}/move",
            t => new { parentCode = t.ParentCode }),
        new("grid.split", HttpMethod.Post, Kind.Grid, TerritoryPermissions.Manage, true, HttpStatusCode.BadRequest, t => $"/api/v1/grids/{t.Code}/split",
            _ => new { newName = "拆分", householdIds = Array.Empty<int>() }),
        new("grid.merge", HttpMethod.Post, Kind.Grid, TerritoryPermissions.Manage, true, HttpStatusCode.BadRequest, t => $"/api/v1/grids/{t.Code}/merge",
            t => new { targetCode = t.Code }),
        new("grid.retire", HttpMethod.Post, Kind.Grid, TerritoryPermissions.Manage, true, HttpStatusCode.Conflict, t => $"/api/v1/grids/{t.Code}/retire",
            _ => new { }),
        new("grid.assignStaff", HttpMethod.Post, Kind.Grid, TerritoryPermissions.Manage, true, HttpStatusCode.Created, t => $"/api/v1/grids/{t.Code}/staff",
            _ => new { role = "Volunteer", name = "志愿者" }),
        new("grid.attachParty", HttpMethod.Post, Kind.Grid, TerritoryPermissions.Manage, true, HttpStatusCode.Created, t => $"/api/v1/grids/{t.Code}/party",
            _ => new { kind = "CentreHousehold", name = "中心户" }),
        new("household.get", HttpMethod.Get, Kind.Household, PeoplePermissions.View, false, HttpStatusCode.OK, t => $"/api/v1/households/{t.HouseholdId}"),
        new("household.move", HttpMethod.Post, Kind.Household, TerritoryPermissions.Manage, true, HttpStatusCode.Conflict,
            t => $"/api/v1/households/{t.HouseholdId}/move", t => new { gridCode = t.GridCode }),
        new("household.addMember", HttpMethod.Post, Kind.Household, PeoplePermissions.Manage, true, HttpStatusCode.BadRequest,
            t => $"/api/v1/households/{t.HouseholdId}/members", _ => new { name = "矩阵", idNumber = "110105194912310021", relationToHead = "其他" }),
        new("people.search", HttpMethod.Get, Kind.None, PeoplePermissions.View, false, HttpStatusCode.OK, _ => "/api/v1/people?q=zh"),
        new("reviews.list", HttpMethod.Get, Kind.None, PeoplePermissions.View, false, HttpStatusCode.OK, _ => "/api/v1/duplicate-reviews"),
        new("accessLog.list", HttpMethod.Get, Kind.None, AuditPermissions.View, false, HttpStatusCode.OK, _ => "/api/v1/access-log"),
        new("person.get", HttpMethod.Get, Kind.Person, PeoplePermissions.View, false, HttpStatusCode.OK, t => $"/api/v1/people/{t.PersonId}"),
        new("person.history", HttpMethod.Get, Kind.Person, PeoplePermissions.View, false, HttpStatusCode.OK, t => $"/api/v1/people/{t.PersonId}/history"),
        new("person.reveal", HttpMethod.Post, Kind.Person, PeoplePermissions.Reveal, false, HttpStatusCode.OK, t => $"/api/v1/people/{t.PersonId}/reveal",
            _ => new { field = "IdNumber" }),
        new("person.update", HttpMethod.Put, Kind.Person, PeoplePermissions.Manage, true, HttpStatusCode.Conflict, t => $"/api/v1/people/{t.PersonId}",
            _ => new { name = "矩阵", phone = (string?)null, relationToHead = "其他", residency = "Migrant", version = -1 }),
        new("grid.places", HttpMethod.Get, Kind.Grid, PeoplePermissions.View, false, HttpStatusCode.OK, t => $"/api/v1/grids/{t.Code}/places"),
        new("grid.addHousehold", HttpMethod.Post, Kind.Grid, PeoplePermissions.Manage, true, HttpStatusCode.BadRequest, t => $"/api/v1/grids/{t.Code}/households",
            _ => new { number = "", address = "" }),
        new("grid.addBuilding", HttpMethod.Post, Kind.Grid, PeoplePermissions.Manage, true, HttpStatusCode.BadRequest, t => $"/api/v1/grids/{t.Code}/buildings",
            _ => new { name = "", address = "" }),
        new("grid.addKeyPlace", HttpMethod.Post, Kind.Grid, PeoplePermissions.Manage, true, HttpStatusCode.BadRequest, t => $"/api/v1/grids/{t.Code}/key-places",
            _ => new { name = "", kind = "School", address = "", contactName = "" }),
        new("building.head", HttpMethod.Put, Kind.Building, PeoplePermissions.Manage, true, HttpStatusCode.BadRequest, t => $"/api/v1/buildings/{t.BuildingId}/head",
            _ => new { headName = "楼长", headPhone = "123" }),
        new("household.update", HttpMethod.Put, Kind.Household, PeoplePermissions.Manage, true, HttpStatusCode.BadRequest, t => $"/api/v1/households/{t.HouseholdId}",
            _ => new { number = "", address = "" }),
        new("household.close", HttpMethod.Post, Kind.Household, PeoplePermissions.Manage, true, HttpStatusCode.Conflict, t => $"/api/v1/households/{t.HouseholdId}/close"),
        new("household.asOf", HttpMethod.Get, Kind.Household, PeoplePermissions.View, false, HttpStatusCode.OK, t => $"/api/v1/households/{t.HouseholdId}/as-of?at=2026-01-01T00:00:00Z"),
        new("person.tags", HttpMethod.Get, Kind.Person, PeoplePermissions.View, false, HttpStatusCode.OK, t => $"/api/v1/people/{t.PersonId}/tags"),
        new("person.attachTag", HttpMethod.Post, Kind.Person, PeoplePermissions.Manage, true, HttpStatusCode.BadRequest, t => $"/api/v1/people/{t.PersonId}/tags",
            _ => new { code = "no_such_tag" }),
        new("tags.list", HttpMethod.Get, Kind.None, PeoplePermissions.View, false, HttpStatusCode.OK, _ => "/api/v1/tags"),
        new("tags.define", HttpMethod.Post, Kind.None, PlatformPermissions.SharedReferenceData, true, HttpStatusCode.BadRequest, _ => "/api/v1/tags",
            _ => new { id = 0, code = "", name = "", englishName = "", isSensitive = false, hasValidity = false, isDerived = false }),
        new("people.export", HttpMethod.Get, Kind.None, PeoplePermissions.View, false, HttpStatusCode.OK, _ => "/api/v1/people/export?q=zhangsanfeng"),
        new("exports.list", HttpMethod.Get, Kind.None, AuditPermissions.View, false, HttpStatusCode.OK, _ => "/api/v1/exports"),
        new("person.deregister", HttpMethod.Post, Kind.Person, PeoplePermissions.Manage, true, HttpStatusCode.BadRequest,
            t => $"/api/v1/people/{t.PersonId}/deregister", _ => new { reason = "Active" }),
        new("person.reinstate", HttpMethod.Post, Kind.Person, PeoplePermissions.Manage, true, HttpStatusCode.Conflict,
            t => $"/api/v1/people/{t.PersonId}/reinstate"),
    ];

    public static TheoryData<string> EndpointNames()
    {
        var data = new TheoryData<string>();
        foreach (var e in Endpoints) data.Add(e.Name);
        return data;
    }

    /// <summary>The demo logins, and "wideview": community staff for Binhe who may read all of Lan County.</summary>
    private static readonly string[] Users = ["admin", "security", "auditadmin", "county", "township", "community", "gridworker", "department", "auditor", "wideview", "hrbureau", "provider"];

    /// <summary>For each user, the codes standing for each relation: (grid, node, area, county).</summary>
    private static readonly Dictionary<string, Dictionary<Relation, (string? Grid, string? Node, string? Area, string? County)>> Targets = new()
    {
        ["admin"] = Same("14112710000130001", "141127100001", "141127000000"),
        ["security"] = Same("14112710000130001", "141127100001", "141127000000"),
        ["auditadmin"] = Same("14112710000130001", "141127100001", "141127000000"),
        ["county"] = new()
        {
            [Relation.Own] = ("14112710000130001", "141127000000", "141127000000", "141127000000"),
            [Relation.Sibling] = ("LIULIN-L3", Scratch.Liulin, Scratch.Liulin, Scratch.Liulin),
            [Relation.Parent] = (null, "141100000000", "141100000000", null),
            [Relation.Outside] = ("LIULIN-L3", "LIULIN-COMMUNITY", "LIULIN-COMMUNITY", Scratch.Liulin),
        },
        ["township"] = new()
        {
            [Relation.Own] = ("14112710000130001", "141127100000", "141127100000", null),
            [Relation.Sibling] = (null, "141127101000", "141127101000", null),
            [Relation.Parent] = (null, "141127000000", "141127000000", "141127000000"),
            [Relation.Outside] = ("LIULIN-L3", Scratch.Liulin, Scratch.Liulin, Scratch.Liulin),
        },
        ["community"] = new()
        {
            [Relation.Own] = ("14112710000130001", "141127100001", "141127100001", null),
            [Relation.Sibling] = ("14112710000230001", "141127100002", "141127100002", null),
            [Relation.Parent] = (null, "141127100000", "141127100000", "141127000000"),
            [Relation.Outside] = ("LIULIN-L3", Scratch.Liulin, Scratch.Liulin, Scratch.Liulin),
        },
        ["gridworker"] = new()
        {
            [Relation.Own] = ("14112710000130001", "14112710000130001", null, null),
            [Relation.Sibling] = ("14112710000130002", "14112710000130002", null, null),
            [Relation.Parent] = (null, "14112710000120001", "141127100001", "141127000000"),
            [Relation.Outside] = ("LIULIN-L3", "LIULIN-COMMUNITY", "LIULIN-COMMUNITY", Scratch.Liulin),
        },
        ["wideview"] = new()
        {
            [Relation.Own] = ("14112710000130001", "141127100001", "141127100001", null),
            [Relation.Sibling] = ("14112710000230001", "141127100002", "141127100002", null),
            [Relation.Parent] = (null, "141127100000", "141127100000", "141127000000"),
            [Relation.Outside] = ("LIULIN-L3", Scratch.Liulin, Scratch.Liulin, Scratch.Liulin),
        },
        ["department"] = Same("14112710000130001", "141127000000", "141127000000"),
        ["auditor"] = Same("14112710000130001", "141127000000", "141127000000"),
        ["hrbureau"] = Same("14112710000130001", "141127000000", "141127000000"),
        ["provider"] = Same("14112710000130001", "141127000000", "141127000000"),
    };

    private static Dictionary<Relation, (string?, string?, string?, string?)> Same(string grid, string node, string area) => new()
    {
        [Relation.Own] = (grid, node, area, "141127000000"),
        [Relation.Sibling] = ("14112710000230001", "141127100002", "141127100002", null),
        [Relation.Parent] = (null, "141100000000", "141100000000", null),
        [Relation.Outside] = ("LIULIN-L3", Scratch.Liulin, Scratch.Liulin, Scratch.Liulin),
    };

    private static readonly ConcurrentDictionary<GridGovApp, Task<(string Community, string L3)>> Arranged = new();

    /// <summary>A community in another county with a level-3 grid holding one household.</summary>
    private Task<(string Community, string L3)> ArrangeAsync() => Arranged.GetOrAdd(app, async _ =>
    {
        var community = await Scratch.CommunityAsync(app);
        var admin = await app.ApiAsync("admin");
        var security = await app.ApiAsync("security");
        var l1 = (await admin.PostJsonAsync("/api/v1/grids", new { parentCode = community, name = "外县一" }, HttpStatusCode.Created)).Str("code");
        var l2 = (await admin.PostJsonAsync("/api/v1/grids", new { parentCode = l1, name = "外县二" }, HttpStatusCode.Created)).Str("code");
        var l3 = (await admin.PostJsonAsync("/api/v1/grids", new { parentCode = l2, name = "外县三" }, HttpStatusCode.Created)).Str("code");
        await Scratch.HouseholdsAsync(app, l3, 1);
        await security.PostJsonAsync("/api/v1/users", new
        {
            userName = "wideview", displayName = "宽查看", roles = new[] { Roles.CommunityStaff }, captureScopeCode = "141127100001",
            viewScopeCode = "141127000000", password = GridGovApp.Password,
        }, HttpStatusCode.Created);
        return (community, l3);
    });

    private async Task<Target> ResolveAsync(string code)
    {
        var (community, l3) = await ArrangeAsync();
        code = code == "LIULIN-L3" ? l3 : code == "LIULIN-COMMUNITY" ? community : code;
        return await app.AsSystemAsync(async db =>
        {
            if (code.Length == GridCode.Length)
            {
                var g = await db.Set<Grid>().SingleAsync(x => x.Code == code);
                var parent = g.ParentGridId is { } pid
                    ? await db.Set<Grid>().Where(x => x.Id == pid).Select(x => x.Code).SingleAsync()
                    : await db.Set<AdminArea>().Where(a => a.Id == g.AreaId).Select(a => a.Code).SingleAsync();
                var household = await db.Set<Household>().Where(h => h.GridId == g.Id).Select(h => (int?)h.Id).FirstOrDefaultAsync();
                var person = await db.Set<Person>().Where(p => p.HouseholdId == household && p.IsActive).Select(p => (int?)p.Id).FirstOrDefaultAsync();
                var building = await db.Set<Building>().Where(b => b.GridId == g.Id).Select(b => (int?)b.Id).FirstOrDefaultAsync();
                return new Target(code, g.Path, g.Name, parent, household, code, person, building, g.Version);
            }
            var a = await db.Set<AdminArea>().SingleAsync(x => x.Code == code);
            return new Target(code, a.Path, a.Name, null, null, null);
        });
    }

    private async Task<(string? Capture, string? View, CurrentUser Perms)> ScopeOfAsync(string userName) =>
        await app.AsSystemAsync(async db =>
        {
            var u = await db.Users.SingleAsync(x => x.UserName == userName);
            var roles = await db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync();
            var perms = new CurrentUser();
            perms.SignIn(u.Id, userName, roles, u.CaptureScopePath, u.ViewScopePath);
            return (u.CaptureScopePath, u.ViewScopePath ?? u.CaptureScopePath, perms);
        });

    [Theory]
    [MemberData(nameof(EndpointNames))]
    public async Task Each_role_gets_the_answer_its_permissions_and_scope_allow(string endpointName)
    {
        app.SkipIfUnavailable();
        await ArrangeAsync();
        var endpoint = Endpoints.Single(e => e.Name == endpointName);
        var mismatches = new List<string>();
        var checkedCases = 0;
        foreach (var userName in Users)
        {
            var (capture, view, user) = await ScopeOfAsync(userName);
            var client = await app.ApiAsync(userName);
            foreach (var relation in Enum.GetValues<Relation>())
            {
                if (endpoint.Kind == Kind.None && relation != Relation.Own) continue;
                var codes = Targets[userName][relation];
                var code = endpoint.Kind switch
                {
                    Kind.Grid or Kind.Household or Kind.Person or Kind.Building => codes.Grid,
                    Kind.Node => codes.Node,
                    Kind.Area => codes.Area,
                    Kind.County => codes.County,
                    _ => "",
                };
                if (code is null) continue;
                var target = code == "" ? new Target("", "", "", null, null, null) : await ResolveAsync(code);
                if (endpoint.Kind == Kind.Household && target.HouseholdId is null) continue;
                if (endpoint.Kind == Kind.Person && target.PersonId is null) continue;
                if (endpoint.Kind == Kind.Building && target.BuildingId is null) continue;

                var expected = !user.Has(endpoint.Permission) ? HttpStatusCode.Forbidden
                    : endpoint.Kind == Kind.None ? endpoint.InScope
                    // A code named in a body and not seen reads as a code that does not exist: a field error.
                    : !TreePath.IsWithin(target.Path, view) ? (endpoint.NamedInBody ? HttpStatusCode.BadRequest : HttpStatusCode.NotFound)
                    : endpoint.Write && !TreePath.IsWithin(target.Path, capture) ? HttpStatusCode.Forbidden
                    : endpoint.InScope;
                var body = endpoint.Body?.Invoke(target);
                if (endpoint.Name == "sizeRules.put" && expected == HttpStatusCode.OK)
                    body = await (await app.ApiAsync("admin")).GetJsonAsync($"/api/v1/areas/{target.Code}/size-rules");
                var request = new HttpRequestMessage(endpoint.Method, endpoint.Url(target));
                if (body is not null) request.Content = JsonContent.Create(body);
                var response = await client.SendAsync(request);
                checkedCases++;
                if (await DocumentedResponses.MismatchAsync(app, endpoint.Method, endpoint.Url(target), response.StatusCode) is { } undocumented)
                    mismatches.Add(undocumented);
                if (response.StatusCode != expected)
                    mismatches.Add($"{userName} × {relation} ({target.Code}): expected {(int)expected}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                else if ((int)expected >= 400)
                    Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }
        Assert.True(checkedCases >= 7, $"only {checkedCases} cases ran");
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AccessMatrixOnSqlite(SqliteApp app) : AccessMatrixTests(app);

[Collection(PostgresCollection.Name)]
public sealed class AccessMatrixOnPostgres(PostgresApp app) : AccessMatrixTests(app);
