using SkiaSharp;

namespace GridGov.Kernel.Files;

public sealed record CleanImage(byte[] Bytes, string ContentType, string Extension);

/// <summary>
/// Every uploaded picture is decoded and drawn again into a new file of its own format: whatever
/// rode along in the original (EXIF and XMP with the place and the device, comment segments,
/// script or HTML behind or inside the image data) is not in what is stored and served. The
/// phone's orientation is applied to the pixels first, so the picture still stands upright.
/// </summary>
public static class ImageSanitizer
{
    /// <summary>40 megapixels: a phone's largest photo, well short of what would exhaust memory when decoded.</summary>
    public const long MaxPixels = 40_000_000;

    /// <summary>The cleaned image, or null when the bytes are not a JPEG, PNG or WebP picture that decodes.</summary>
    public static CleanImage? Clean(byte[] original)
    {
        using var data = SKData.CreateCopy(original);
        using var codec = SKCodec.Create(data);
        if (codec is null) return null;
        var (type, extension, format) = codec.EncodedFormat switch
        {
            SKEncodedImageFormat.Jpeg => ("image/jpeg", "jpg", SKEncodedImageFormat.Jpeg),
            SKEncodedImageFormat.Png => ("image/png", "png", SKEncodedImageFormat.Png),
            SKEncodedImageFormat.Webp => ("image/webp", "webp", SKEncodedImageFormat.Webp),
            _ => (null, null, default),
        };
        if (type is null || (long)codec.Info.Width * codec.Info.Height > MaxPixels) return null;
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, codec.Info.AlphaType == SKAlphaType.Opaque ? SKAlphaType.Opaque : SKAlphaType.Premul);
        using var decoded = new SKBitmap(info);
        var result = codec.GetPixels(info, decoded.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput)) return null;
        using var upright = Upright(decoded, codec.EncodedOrigin);
        using var image = SKImage.FromBitmap(upright);
        using var encoded = image.Encode(format, format == SKEncodedImageFormat.Png ? 100 : 85);
        return encoded is null ? null : new CleanImage(encoded.ToArray(), type, extension!);
    }

    private static SKBitmap Upright(SKBitmap source, SKEncodedOrigin origin)
    {
        if (origin is SKEncodedOrigin.TopLeft or SKEncodedOrigin.Default) return source.Copy();
        var swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var target = new SKBitmap(swap ? source.Height : source.Width, swap ? source.Width : source.Height, source.ColorType, source.AlphaType);
        using var canvas = new SKCanvas(target);
        var (w, h) = (source.Width, source.Height);
        var matrix = origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
            _ => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
        };
        canvas.SetMatrix(matrix);
        canvas.DrawBitmap(source, 0, 0);
        return target;
    }
}
