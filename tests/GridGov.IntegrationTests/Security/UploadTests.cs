using System.Net;
using System.Net.Http.Json;
using System.Text;
using GridGov.IntegrationTests.Infrastructure;

namespace GridGov.IntegrationTests.Security;

/// <summary>Photos are decoded and drawn again: nothing but the picture is stored or served, and it is served so it cannot run.</summary>
public abstract class UploadTests(GridGovApp app)
{
    private async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] bytes, string fileName)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new("image/jpeg");
        form.Add(file, "file", fileName);
        return await client.PostAsync("/api/v1/incidents/photos", form);
    }

    private const string Script = "<html><script>alert(document.cookie)</script></html>";

    public static TheoryData<string> Polyglots() => ["html-behind-jpeg-header", "html-behind-webp-header", "html-behind-png-header"];

    [Theory]
    [MemberData(nameof(Polyglots))]
    public async Task Html_behind_an_image_header_is_no_image(string kind)
    {
        byte[] header = kind switch
        {
            "html-behind-jpeg-header" => [0xFF, 0xD8, 0xFF, 0xE0],
            "html-behind-webp-header" => [.. "RIFF"u8, 0, 0, 0, 0, .. "WEBP"u8],
            _ => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],
        };
        var worker = await app.ApiAsync("gridworker");
        var response = await UploadAsync(worker, [.. header, .. Encoding.ASCII.GetBytes(Script)], "x.jpg");
        await response.ProblemAsync(HttpStatusCode.UnsupportedMediaType, "photo_not_image");
    }

    public static TheoryData<string> Carriers() => ["appended", "comment-segment", "exif-segment"];

    [Theory]
    [MemberData(nameof(Carriers))]
    public async Task A_real_picture_carrying_html_is_stored_and_served_without_it(string carrier)
    {
        var bytes = carrier switch
        {
            "appended" => [.. TestImages.Jpeg, .. Encoding.ASCII.GetBytes(Script)],
            "comment-segment" => TestImages.JpegWithSegment(0xFE, Script),
            _ => TestImages.JpegWithSegment(0xE1, "Exif\0\0" + Script),
        };
        var worker = await app.ApiAsync("gridworker");
        var name = (await (await UploadAsync(worker, bytes, "scene.jpg")).JsonAsync(HttpStatusCode.Created)).Str("name");
        var incident = await worker.PostJsonAsync("/api/v1/incidents",
            new { categoryCode = "SAFE.GAS", description = "带图", address = "某处", photos = new[] { name } }, HttpStatusCode.Created);
        var response = await worker.GetAsync($"/api/v1/incidents/{incident.GetProperty("incident").Int("id")}/photos/{name}");
        var served = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("<script", Encoding.ASCII.GetString(served), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("sandbox", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task A_png_and_a_webp_are_kept_in_their_own_format()
    {
        var worker = await app.ApiAsync("gridworker");
        Assert.EndsWith(".png", (await (await UploadAsync(worker, TestImages.Png, "a.png")).JsonAsync(HttpStatusCode.Created)).Str("name"));
        Assert.EndsWith(".webp", (await (await UploadAsync(worker, TestImages.Encode(SkiaSharp.SKEncodedImageFormat.Webp), "a.webp"))
            .JsonAsync(HttpStatusCode.Created)).Str("name"));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class UploadsOnSqlite(SqliteApp app) : UploadTests(app);

[Collection(PostgresCollection.Name)]
public sealed class UploadsOnPostgres(PostgresApp app) : UploadTests(app);
