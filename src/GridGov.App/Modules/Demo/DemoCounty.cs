using GridGov.Kernel.Scoping;
using GridGov.Kernel.Time;
using System.Text;
using GridGov.Data;
using GridGov.Kernel.Auditing;
using GridGov.Kernel.Security;
using GridGov.Modules.Accounts.Domain;
using GridGov.Modules.People.Domain;
using GridGov.Modules.Territory.Application;
using GridGov.Modules.Territory.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace GridGov.Modules.Demo;

public sealed record DemoLogin(string UserName, string Password, string Role, string ScopeCode, string Description, string? Department = null);

public sealed record DemoSummary(int Areas, int LevelOne, int LevelTwo, int LevelThree, int Buildings, int Households, int Residents)
{
    public override string ToString() =>
        $"{Areas} areas, grids {LevelOne}/{LevelTwo}/{LevelThree}, {Buildings} buildings, {Households} households, {Residents} residents";
}

/// <summary>
/// The demo: Lüliang city with its 13 county-level units, and Lan County's urban area cut into
/// 75 / 396 / 1,100 grids, every grid inside its size range, Binhe community drawn with boundaries.
/// The same seed always gives the same county.
/// </summary>
/// <remarks>
/// The published figures cannot all hold under strict nesting: 1,100 level-3 grids of at most 20
/// households hold at most 22,000 households, while 75 level-1 grids of at least 300 need 22,500.
/// Lan County's rule is therefore configured with level-3 grids of 10–30 households (levels 1 and
/// 2 as published); counties without a rule of their own use 300–500 / 50–100 / 10–20.
/// </remarks>
public sealed class DemoCounty(GridGovDbContext db, UserManager<AppUser> users, IUserStore<AppUser> store, TimeProvider clock,
    Microsoft.Extensions.Configuration.IConfiguration configuration)
{
    public const string Password = "GridGov@2026";

    /// <summary>How many past incidents the demo carries (<c>Demo:IncidentHistory</c>): a year of a small county's desk.</summary>
    public int IncidentHistoryCount => int.TryParse(configuration["Demo:IncidentHistory"], out var n) ? Math.Max(0, n) : 1500;

    /// <summary>
    /// The demo's authenticator key, published like its password: the logins whose roles sign in
    /// with a second factor have it set, so anyone trying the demo adds it to an app once.
    /// </summary>
    public const string AuthenticatorKey = "GRIDGOVDEMOLANXIANSHANXIZZZZ2347";
    public const int Seed = 20221121;
    public static readonly (int Level, int Min, int Max)[] LanRule = [(1, 300, 500), (2, 50, 100), (3, 10, 30)];

    /// <summary>The first level-3 grid of Binhe community, where the demo grid worker serves.</summary>
    public const string WorkerGrid = "14112710000130001";

    public static readonly DemoLogin[] Logins =
    [
        new("admin", Password, Roles.SystemAdmin, "", "系统管理员 System administrator (whole tree)"),
        new("security", Password, Roles.SecurityAdmin, "", "安全管理员 Security administrator: accounts and roles"),
        new("auditadmin", Password, Roles.AuditAdmin, "", "审计管理员 Audit administrator: audit records and their chain"),
        new("county", Password, Roles.CountyCentre, LuliangDivisions.LanCounty, "岚县综治中心 Lan County centre"),
        new("township", Password, Roles.TownshipStaff, LuliangDivisions.Dongcun, "东村镇 Dongcun town staff"),
        new("community", Password, Roles.CommunityStaff, LuliangDivisions.Binhe, "滨河社区 Binhe community staff"),
        new("gridworker", Password, Roles.GridWorker, WorkerGrid, "网格员 Grid worker, Binhe"),
        new("department", Password, Roles.DepartmentHandler, LuliangDivisions.LanCounty, "应急管理局处置人员 Department handler (emergency management)", "EMERGENCY"),
        new("auditor", Password, Roles.Auditor, LuliangDivisions.LanCounty, "审计员 Auditor (read-only)"),
        new(TrainingHistory.IssuedBy, Password, Roles.HrBureau, LuliangDivisions.LanCounty, "岚县人社局 Human-resources bureau: voucher programmes, issue"),
        new(TrainingHistory.ReviewedBy, Password, Roles.HrBureau, LuliangDivisions.LanCounty, "岚县人社局复核 Human-resources bureau: second reviewer, payments"),
        new(TrainingHistory.ProviderLogin, Password, Roles.TrainingProvider, LuliangDivisions.LanCounty, "岚县职业技能培训学校 Training provider staff"),
        new(TargetsHistory.CityOffice, Password, Roles.CountyCentre, LuliangDivisions.City, "吕梁市技能提升办 City office: targets, bulletins"),
        new(TargetsHistory.CityClerk, Password, Roles.CountyCentre, LuliangDivisions.City, "吕梁市技能提升办统计员 City office clerk: figures reported by hand"),
    ];

    public static string LoginTable()
    {
        var text = new StringBuilder("\nDemo logins (password for all: " + Password + "; those marked * sign in with a one-time code from an\n"
            + "authenticator app holding the demo key " + AuthenticatorKey + "):\n");
        foreach (var login in Logins)
            text.AppendLine($"  {login.UserName,-11}{(Modules.Accounts.Application.SecondFactor.IsRequiredFor([login.Role]) ? "*" : " ")} {login.Role,-18} {login.Description}");
        return text.ToString();
    }

    private readonly List<AdminArea> _areas = [];
    private readonly List<Grid> _grids = [];
    private readonly List<Building> _buildings = [];
    private readonly List<Household> _households = [];
    private readonly List<Person> _people = [];
    private readonly List<GridAssignment> _staff = [];
    private readonly List<PartyOrganization> _party = [];

    public async Task<DemoSummary> SeedAsync(CancellationToken ct)
    {
        var today = clock.Today();
        var opened = new DateOnly(2021, 3, 1);
        var factory = new PopulationFactory(Seed, new DateOnly(2026, 1, 1));
        BuildAreas();
        var lan = _areas.Single(a => a.Code == LuliangDivisions.LanCounty);
        foreach (var community in LuliangDivisions.UrbanCommunities)
            BuildCommunity(_areas.Single(a => a.Code == community.Code), community.LevelOneGrids, factory, opened);
        DrawCommunities(factory);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await BulkWriter.InsertAsync(db, _areas, ct);
        await BulkWriter.InsertAsync(db, _grids, ct);
        await BulkWriter.InsertAsync(db, _buildings, ct);
        await BulkWriter.InsertAsync(db, _households, ct);
        await BulkWriter.InsertAsync(db, _people, ct);
        await BulkWriter.InsertAsync(db, _staff, ct);
        await BulkWriter.InsertAsync(db, _party, ct);
        await BulkWriter.InsertAsync(db, await TagsAsync(ct), ct);
        await People.Application.PopulationTallies.RebuildAsync(db, ct);
        await People.Application.TagTallies.RebuildAsync(db, ct);
        await BulkWriter.ResetIdentityAsync<AdminArea>(db, ct);
        await BulkWriter.ResetIdentityAsync<Grid>(db, ct);
        await BulkWriter.ResetIdentityAsync<Building>(db, ct);
        await BulkWriter.ResetIdentityAsync<Household>(db, ct);
        await BulkWriter.ResetIdentityAsync<Person>(db, ct);
        await BulkWriter.ResetIdentityAsync<PartyOrganization>(db, ct);
        await BulkWriter.ResetIdentityAsync<GridAssignment>(db, ct);
        await BulkWriter.ResetIdentityAsync<PersonTag>(db, ct);

        foreach (var (level, min, max) in LanRule) db.Add(GridSizeRule.For(lan, level, min, max));
        await db.SaveChangesAsync(ct);
        await IncidentHistory.GenerateAsync(db, IncidentHistoryCount, Seed, clock.GetUtcNow().UtcDateTime, WorkerGrid, ct);
        // Relative to the seeding day, so that a demo started any day has its campaign running and people under watch now.
        await FieldWorkHistory.GenerateAsync(db, Seed, clock.GetUtcNow().UtcDateTime, LuliangDivisions.Binhe, WorkerGrid, ct);
        await People.Application.TagTallies.RebuildAsync(db, ct);
        await TrainingHistory.GenerateAsync(db, Seed, clock.GetUtcNow().UtcDateTime, LuliangDivisions.LanCounty, ct);
        await CreateLoginsAsync(today, ct);
        db.Add(new ChangeRecord
        {
            At = clock.GetUtcNow().UtcDateTime, UserId = "system", UserName = "system", EntityType = "Demo", EntityId = "seed",
            Action = "Seeded", Path = lan.Path, Note = $"Demo county seeded with seed {Seed}",
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new DemoSummary(_areas.Count, _grids.Count(g => g.Level == 1), _grids.Count(g => g.Level == 2), _grids.Count(g => g.Level == 3),
            _buildings.Count, _households.Count, _people.Count);
    }

    /// <summary>A share of residents carry the tags programmes select on (home watch comes with the watches of the field work history).</summary>
    private async Task<List<PersonTag>> TagsAsync(CancellationToken ct)
    {
        var ids = await db.Set<TagDefinition>().ToDictionaryAsync(t => t.Code, ct);
        var random = new Random(Seed);
        var shares = new (string Code, int PerThousand)[]
        {
            ("party_member", 60), ("veteran", 12), ("subsistence", 20), ("disabled", 18), ("returnee", 30), ("migrant_worker", 40),
            ("poverty_lifted", 15), ("edge_household", 5), ("unemployed_graduate", 6), ("laid_off", 8),
        };
        var tags = new List<PersonTag>();
        foreach (var person in _people)
            foreach (var (code, perThousand) in shares)
                if (random.Next(1000) < perThousand && ids.TryGetValue(code, out var tag))
                    tags.Add(PersonTag.Attach(person, tag, new DateOnly(2024, 1, 1), null, false).WithId(tags.Count + 1));
        return tags;
    }

    private void BuildAreas()
    {
        var province = Add(AdminArea.Create(LuliangDivisions.Province, LuliangDivisions.ProvinceName, null));
        var city = Add(AdminArea.Create(LuliangDivisions.City, LuliangDivisions.CityName, province));
        foreach (var (code, name) in LuliangDivisions.Counties)
        {
            var county = Add(AdminArea.Create(AreaCode.FromDivisionCode(code), name, city));
            if (county.Code != LuliangDivisions.LanCounty) continue;
            foreach (var (townCode, townName) in LuliangDivisions.LanTownships)
            {
                var town = Add(AdminArea.Create(townCode + "000", townName, county));
                if (town.Code != LuliangDivisions.Dongcun) continue;
                foreach (var community in LuliangDivisions.UrbanCommunities) Add(AdminArea.Create(community.Code, community.Name, town));
            }
        }
    }

    private AdminArea Add(AdminArea area)
    {
        area.WithId(_areas.Count + 1);
        _areas.Add(area);
        return area;
    }

    private Grid Add(Grid grid)
    {
        grid.WithId(_grids.Count + 1);
        _grids.Add(grid);
        return grid;
    }

    /// <summary>
    /// Cuts a community so every grid lands in its range: level-2 grids have two or three level-3
    /// grids; those with two hold 29–30 households each and sit in level-1 grids of six.
    /// </summary>
    private void BuildCommunity(AdminArea community, int levelOneCount, PopulationFactory factory, DateOnly opened)
    {
        var plan = CommunityPlan(community, levelOneCount);
        var seq = new int[4];
        var isBinhe = community.Code == LuliangDivisions.Binhe;
        for (var i = 0; i < plan.Count; i++)
        {
            var l1 = Add(Grid.OpenInArea(community, ++seq[1], $"{community.Name}第{i + 1}网格", opened));
            _party.Add(PartyOrganization.Attach(l1, PartyOrganizationKind.Branch, $"{l1.Name}党支部", factory.NewName(out _), []).WithId(_party.Count + 1));
            AddStaff(l1, GridRole.GridLeader, factory, opened);
            for (var j = 0; j < plan[i].Length; j++)
            {
                var l2 = Add(Grid.OpenInGrid(l1, community, ++seq[2], $"{l1.Name}{j + 1}组", opened));
                _party.Add(PartyOrganization.Attach(l2, PartyOrganizationKind.Group, $"{l2.Name}党小组", factory.NewName(out _), []).WithId(_party.Count + 1));
                AddStaff(l2, GridRole.FullTimeWorker, factory, opened);
                foreach (var households in plan[i][j])
                {
                    var l3 = Add(Grid.OpenInGrid(l2, community, ++seq[3], $"{l2.Name}{seq[3]}格", opened));
                    AddStaff(l3, GridRole.PartTimeWorker, factory, opened);
                    Populate(l3, households, factory, isBinhe ? LuliangDivisions.BinheCompounds[seq[3] % 6] : null, community);
                }
            }
        }
    }

    private List<int[][]> CommunityPlan(AdminArea community, int levelOneCount)
    {
        // County-wide: 21 of the 75 level-1 grids have six level-2 grids; 88 of the 396 level-2 grids have two level-3 grids.
        var index = LuliangDivisions.UrbanCommunities.TakeWhile(c => c.Code != community.Code).Sum(c => c.LevelOneGrids);
        var random = new Random(DemoCounty.Seed + index);
        var plan = new List<int[][]>();
        for (var i = 0; i < levelOneCount; i++)
        {
            var global = index + i;
            var six = global % 25 < 7; // 7 in every 25: 21 of 75
            var sixIndex = global / 25 * 7 + global % 25;
            var twos = !six ? 0 : sixIndex < 4 ? 5 : 4; // 4×5 + 17×4 = 88
            var l2 = new int[six ? 6 : 5][];
            for (var j = 0; j < l2.Length; j++)
                l2[j] = j < twos ? [random.Next(29, 31), random.Next(29, 31)] : [random.Next(20, 25), random.Next(20, 25), random.Next(20, 25)];
            plan.Add(l2);
        }
        return plan;
    }

    private void AddStaff(Grid grid, GridRole role, PopulationFactory factory, DateOnly opened) =>
        _staff.Add(GridAssignment.Assign(grid, role, factory.NewName(out _), factory.NewPhone(), null, opened, false).WithId(_staff.Count + 1));

    private readonly Dictionary<int, Polygon> _binheShapes = [];

    private void Populate(Grid l3, int households, PopulationFactory factory, string? compound, AdminArea community)
    {
        var street = LuliangDivisions.Streets[_grids.Count % LuliangDivisions.Streets.Length];
        var buildingNo = _grids.Count(g => g.Level == 3 && g.AreaId == community.Id);
        var name = compound is null ? $"{street}{buildingNo}号楼" : $"{compound}{buildingNo}号楼";
        var address = $"岚县东村镇{community.Name}{name}";
        var placement = Placement.OnGrid(l3.Id, l3.Path);
        var building = factory.NewBuilding(name, address, placement);
        _buildings.Add(building);
        for (var h = 0; h < households; h++)
        {
            var room = $"{h / 8 + 1}单元{(h % 8) / 2 + 1}0{h % 2 + 1}";
            var (household, members) = factory.NewHousehold($"{l3.Code[^8..]}{h + 1:D3}", $"{address}{room}室", placement, building.Id);
            _households.Add(household);
            _people.AddRange(members);
        }
    }

    /// <summary>
    /// Each urban community is drawn as a rectangle near the county seat (Binhe north of the others,
    /// the rest in two rows of five) cut into strips: level-1 grids side by side, level-2 grids
    /// stacked inside each, level-3 grids side by side inside those; every household is placed
    /// inside its level-3 grid.
    /// </summary>
    private void DrawCommunities(PopulationFactory factory)
    {
        for (var i = 0; i < LuliangDivisions.UrbanCommunities.Length; i++)
        {
            var community = _areas.Single(a => a.Code == LuliangDivisions.UrbanCommunities[i].Code);
            var (west, south, east, north) = i == 0
                ? (111.660, 38.270, 111.690, 38.290)
                : (111.600 + (i - 1) % 5 * 0.032, 38.242 - (i - 1) / 5 * 0.024, 111.630 + (i - 1) % 5 * 0.032, 38.262 - (i - 1) / 5 * 0.024);
            community.SetBoundary(GeoJson.Write(Box(west, south, east, north)));
            var l1s = _grids.Where(g => g.Level == 1 && g.AreaId == community.Id).ToList();
            Slice(l1s, west, south, east, north, vertical: true, factory);
        }
    }

    private void Slice(List<Grid> grids, double w, double s, double e, double n, bool vertical, PopulationFactory factory)
    {
        for (var i = 0; i < grids.Count; i++)
        {
            var (gw, gs, ge, gn) = vertical
                ? (w + (e - w) * i / grids.Count, s, w + (e - w) * (i + 1) / grids.Count, n)
                : (w, s + (n - s) * i / grids.Count, e, s + (n - s) * (i + 1) / grids.Count);
            var grid = grids[i];
            grid.SetBoundary(GeoJson.Write(Box(gw, gs, ge, gn)));
            var children = _grids.Where(g => g.ParentGridId == grid.Id).ToList();
            if (children.Count > 0) Slice(children, gw, gs, ge, gn, !vertical, factory);
            else
                foreach (var household in _households.Where(h => h.GridId == grid.Id))
                    household.Locate(gw + (ge - gw) * (0.1 + 0.8 * factory.NextDouble()), gs + (gn - gs) * (0.1 + 0.8 * factory.NextDouble()));
        }
    }

    private static Polygon Box(double w, double s, double e, double n) =>
        new GeometryFactory().CreatePolygon([new(w, s), new(e, s), new(e, n), new(w, n), new(w, s)]);

    private async Task CreateLoginsAsync(DateOnly today, CancellationToken ct)
    {
        foreach (var login in Logins)
        {
            var path = login.ScopeCode == "" ? "" : ScopePath(login.ScopeCode);
            var user = new AppUser
            {
                UserName = login.UserName, DisplayName = login.Description.Split(' ')[0], LockoutEnabled = true,
                CaptureScopeCode = login.ScopeCode == "" ? null : login.ScopeCode, CaptureScopePath = path,
                DepartmentCode = login.Department,
            };
            var created = await users.CreateAsync(user, login.Password);
            if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, login.Role);
            if (Modules.Accounts.Application.SecondFactor.IsRequiredFor([login.Role]))
            {
                await ((IUserAuthenticatorKeyStore<AppUser>)store).SetAuthenticatorKeyAsync(user, AuthenticatorKey, ct);
                user.TwoFactorEnabled = true;
                await users.UpdateAsync(user);
            }
            if (login.Role == Roles.GridWorker)
            {
                var grid = await db.Set<Grid>().OutsideScope("seeding the demo places its worker on a known grid").SingleAsync(g => g.Code == WorkerGrid, ct);
                db.Add(GridAssignment.Assign(grid, GridRole.FullTimeWorker, "张晓梅", "13835880001", user.Id, today, gridHasLeader: false));
                await db.SaveChangesAsync(ct);
            }
        }
    }

    private string ScopePath(string code) =>
        _areas.FirstOrDefault(a => a.Code == code)?.Path ?? _grids.First(g => g.Code == code).Path;
}
