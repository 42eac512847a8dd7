using GridGov.Data;
using GridGov.Modules.Demo;
using GridGov.Modules.People.Domain;
using GridGov.Modules.Territory.Application;
using GridGov.Modules.Territory.Domain;
using NetTopologySuite.Geometries;

namespace GridGov.Bench;

/// <summary>
/// A city the size of Lüliang: 13 counties of 11 or 12 townships (150 in all), each township of 4 or 5
/// communities (650 in all), each community cut into 5 level-1, 30 level-2 and 120 level-3 grids
/// (78,000 in all) of 12–18 households, every grid drawn as a rectangle and every household located
/// inside its grid. Written county by county.
/// </summary>
internal sealed class CityGenerator(GridGovDbContext db, int householdsPerGridMin = 12, int householdsPerGridMax = 18, bool populate = true)
{
    public const int LevelOne = 5, LevelTwo = 6, LevelThree = 4;
    private static readonly GeometryFactory Geometry = new();
    private int _areaId, _gridId;

    public async Task<(int Grids, int Households, int Residents)> GenerateAsync(Action<string> log)
    {
        var factory = new PopulationFactory(20261123, new DateOnly(2026, 1, 1));
        var province = AdminArea.Create("140000000000", "山西省", null).WithId(++_areaId);
        var city = AdminArea.Create("141100000000", "吕梁市", province).WithId(++_areaId);
        await BulkWriter.InsertAsync(db, new[] { province, city });
        var grids = 0;
        var countyIndex = 0;
        var townshipIndex = 0;
        foreach (var (code, name) in Counties)
        {
            var county = AdminArea.Create(code + "000000", name, city).WithId(++_areaId);
            var areas = new List<AdminArea> { county };
            var levelGrids = new List<Grid>();
            var buildings = new List<Building>();
            var households = new List<Household>();
            var people = new List<Person>();
            for (var t = 0; t < TownshipsOf(countyIndex); t++, townshipIndex++)
            {
                var town = AdminArea.Create($"{code}{100 + t:D3}000", $"{name}第{t + 1}镇", county).WithId(++_areaId);
                areas.Add(town);
                for (var c = 0; c < CommunitiesOf(townshipIndex); c++)
                {
                    var x0 = 110.5 + countyIndex * 0.1 + c * 0.008;
                    var y0 = 37.0 + t * 0.02;
                    var community = AdminArea.Create($"{code}{100 + t:D3}{c + 1:D3}", $"{town.Name}{c + 1}社区", town,
                        GeoJson.Write(Box(x0, y0, x0 + 0.008, y0 + 0.02))).WithId(++_areaId);
                    areas.Add(community);
                    Cut(community, x0, y0, factory, levelGrids, buildings, households, people);
                }
            }
            await BulkWriter.InsertAsync(db, areas);
            await BulkWriter.InsertAsync(db, levelGrids);
            await BulkWriter.InsertAsync(db, buildings);
            await BulkWriter.InsertAsync(db, households);
            await BulkWriter.InsertAsync(db, people);
            grids += levelGrids.Count;
            countyIndex++;
            log($"  {name}: {levelGrids.Count:N0} grids, {households.Count:N0} households, {people.Count:N0} residents");
        }
        await GridGov.Modules.People.Application.PopulationTallies.RebuildAsync(db, CancellationToken.None);
        await GridGov.Modules.People.Application.TagTallies.RebuildAsync(db, CancellationToken.None);
        await BulkWriter.ResetIdentityAsync<AdminArea>(db);
        await BulkWriter.ResetIdentityAsync<Grid>(db);
        await BulkWriter.ResetIdentityAsync<Building>(db);
        await BulkWriter.ResetIdentityAsync<Household>(db);
        await BulkWriter.ResetIdentityAsync<Person>(db);
        return (grids, factory.Households, factory.Residents);
    }

    // 7 counties of 12 townships and 6 of 11 make 150; every third township has 5 communities, the
    // others 4, which makes 650.
    private static int TownshipsOf(int countyIndex) => countyIndex < 7 ? 12 : 11;

    private static int CommunitiesOf(int townshipIndex) => townshipIndex % 3 == 0 ? 5 : 4;

    private void Cut(AdminArea community, double x0, double y0, PopulationFactory factory, List<Grid> grids,
        List<Building> buildings, List<Household> households, List<Person> people)
    {
        var opened = new DateOnly(2021, 3, 1);
        var seq = new int[4];
        const double width = 0.008, height = 0.02;
        for (var i = 0; i < LevelOne; i++)
        {
            var (ax, bx) = (x0 + width * i / LevelOne, x0 + width * (i + 1) / LevelOne);
            var l1 = Grid.OpenInArea(community, ++seq[1], $"第{i + 1}网格", opened).WithId(++_gridId);
            l1.SetBoundary(GeoJson.Write(Box(ax, y0, bx, y0 + height)));
            grids.Add(l1);
            for (var j = 0; j < LevelTwo; j++)
            {
                var (ay, by) = (y0 + height * j / LevelTwo, y0 + height * (j + 1) / LevelTwo);
                var l2 = Grid.OpenInGrid(l1, community, ++seq[2], $"{l1.Name}{j + 1}组", opened).WithId(++_gridId);
                l2.SetBoundary(GeoJson.Write(Box(ax, ay, bx, by)));
                grids.Add(l2);
                for (var k = 0; k < LevelThree; k++)
                {
                    var (cx, dx) = (ax + (bx - ax) * k / LevelThree, ax + (bx - ax) * (k + 1) / LevelThree);
                    var l3 = Grid.OpenInGrid(l2, community, ++seq[3], $"{l2.Name}{k + 1}格", opened).WithId(++_gridId);
                    l3.SetBoundary(GeoJson.Write(Box(cx, ay, dx, by)));
                    grids.Add(l3);
                    if (!populate) continue;
                    var placement = Placement.OnGrid(l3.Id, l3.Path);
                    var building = factory.NewBuilding($"{l3.Code[^5..]}号楼", $"{community.Name}{l3.Code[^5..]}号楼", placement);
                    buildings.Add(building);
                    var count = factory.Next(householdsPerGridMin, householdsPerGridMax + 1);
                    for (var h = 0; h < count; h++)
                    {
                        var point = (cx + (dx - cx) * (0.05 + 0.9 * factory.NextDouble()), ay + (by - ay) * (0.05 + 0.9 * factory.NextDouble()));
                        var (household, members) = factory.NewHousehold($"{l3.Code[^8..]}{h + 1:D3}", building.Address, placement, building.Id, point);
                        households.Add(household);
                        people.AddRange(members);
                    }
                }
            }
        }
    }

    private static Polygon Box(double w, double s, double e, double n) =>
        Geometry.CreatePolygon([new(w, s), new(e, s), new(e, n), new(w, n), new(w, s)]);

    private static readonly (string Code, string Name)[] Counties =
    [
        ("141102", "离石区"), ("141121", "文水县"), ("141122", "交城县"), ("141123", "兴县"), ("141124", "临县"),
        ("141125", "柳林县"), ("141126", "石楼县"), ("141127", "岚县"), ("141128", "方山县"), ("141129", "中阳县"),
        ("141130", "交口县"), ("141181", "孝义市"), ("141182", "汾阳市"),
    ];
}
