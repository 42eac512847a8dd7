using SkiaSharp;

namespace GridGov.IntegrationTests.Infrastructure;

/// <summary>Real pictures for upload tests, and the tricks attackers play with them.</summary>
public static class TestImages
{
    public static byte[] Encode(SKEncodedImageFormat format, int width = 24, int height = 16)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap)) canvas.Clear(new SKColor(30, 120, 200));
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(format, 90).ToArray();
    }

    public static byte[] Png => Encode(SKEncodedImageFormat.Png);

    public static byte[] Jpeg => Encode(SKEncodedImageFormat.Jpeg);

    /// <summary>A JPEG with a segment inserted right after its start marker (APP1 for EXIF, COM for a comment).</summary>
    public static byte[] JpegWithSegment(byte marker, string body)
    {
        var jpeg = Jpeg;
        var payload = System.Text.Encoding.ASCII.GetBytes(body);
        var length = payload.Length + 2;
        return [.. jpeg[..2], 0xFF, marker, (byte)(length >> 8), (byte)length, .. payload, .. jpeg[2..]];
    }
}
